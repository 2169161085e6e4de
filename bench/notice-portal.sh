#!/usr/bin/env bash
# The public notice portal's queries at one million notices, on PostgreSQL.
#
#   bench/notice-portal.sh [NOTICES] [RUNS]      (defaults 1000000 and 20)
#
# Creates a throw-away database (sunshine_bench_portal, dropped first) on the PostgreSQL server at
# 127.0.0.1:5432 (user postgres, as the tests use it), applies the platform's migrations but the portal's own
# with psql in Flyway's order, loads 300 purchasing units, 60,000 published projects and NOTICES
# notices with generated Chinese titles and bodies (the stored search terms are the bigrams that
# SearchTerms gives for the same text), then applies the portal's own migrations V9 and V9_1 on the
# full table (as a deployment would: it times them), ANALYZEs, and runs each portal query RUNS times,
# exactly as NoticePortal writes it, printing the server-side p50 and max in ms and one EXPLAIN
# ANALYZE plan per query. Not part of the tests; about 6–9 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
notices=${1:-1000000}
runs=${2:-20}
db=sunshine_bench_portal
# MEASURE_ONLY=1: skip the set-up and measure the database a KEEP=1 run left
psql_base=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
migrations=ejb/src/main/resources/db/migration

pg=("${psql_base[@]}" -d "$db")
if [ "${MEASURE_ONLY:-}" != 1 ]; then
"${psql_base[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
echo "== machine: $(nproc) cores, $(${pg[@]} -Atc 'SELECT version()' | cut -d, -f1)"

# Flyway's order: V1, V2, V3, V3_1, … (common/ and postgresql/ together), the portal's own V9 later
apply() { "${pg[@]}" -f "$1"; }
t0=$(date +%s.%N)
for f in $(for m in $migrations/common/V*.sql $migrations/postgresql/V*.sql; do
  v=$(basename "$m"); v=${v#V}; v=${v%%__*}; echo "${v/_/.} $m"; done | sort -V | cut -d' ' -f2); do
  case "$(basename "$f")" in V9__*|V9_1__*) continue ;; esac
  apply "$f"
done
printf '== schema (every migration but V9, V9_1) applied in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"

t0=$(date +%s.%N)
# The terms of a text as SearchTerms cuts them: each run of Han characters (CJK ranges) in
# overlapping pairs, a lone character a term of its own, other letters and digits lower-cased words.
"${pg[@]}" -c "CREATE FUNCTION bench_terms(t text) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
  SELECT coalesce(string_agg(term, ' ' ORDER BY r, k), '')
  FROM (SELECT r, m[1] AS run FROM regexp_matches(t, '([一-鿿㐀-䶿]+|[A-Za-z0-9]+)', 'g')
                                   WITH ORDINALITY AS x(m, r)) runs,
       LATERAL (SELECT k, CASE WHEN run ~ '^[一-鿿㐀-䶿]'
                          THEN CASE WHEN char_length(run) = 1 THEN run ELSE substr(run, k, 2) END
                          ELSE lower(run) END AS term
                FROM generate_series(1, greatest(1, CASE WHEN run ~ '^[一-鿿㐀-䶿]'
                                                   THEN char_length(run) - 1 ELSE 1 END)) k) p
\$\$"

"${pg[@]}" -v notices="$notices" <<'SQL'
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;
SELECT bench_terms('采购台式电脑 PC 2026年') AS "terms of 采购台式电脑 PC 2026年";

-- 300 purchasing units and 10 agencies
CREATE TEMP TABLE places(k int, name text);
INSERT INTO places SELECT k - 1, p FROM unnest(ARRAY['东城','西城','南湖','北山','江岸','河西',
  '高新','滨海','临江','青山','白云','金水','长宁','开元','新华']) WITH ORDINALITY AS x(p, k);
CREATE TEMP TABLE kinds(k int, name text);
INSERT INTO kinds SELECT k - 1, p FROM unnest(ARRAY['第一中学','第二中学','实验小学','人民医院',
  '中医院','疾病预防控制中心','财政局','教育局','卫生健康委员会','交通运输局','图书馆','档案馆',
  '市场监督管理局','城市管理局','公安分局','消防救援支队','职业技术学院','妇幼保健院','体育中心',
  '水务局']) WITH ORDINALITY AS x(p, k);
INSERT INTO organisation (id, name, org_type, created_at)
SELECT 1000000 + p.k * 20 + k.k, p.name || '区' || k.name, 'PURCHASING_UNIT', now()
FROM places p, kinds k;
INSERT INTO organisation (id, name, org_type, created_at)
SELECT 1001000 + g, '基准采购代理机构' || g, 'AGENCY', now() FROM generate_series(0, 9) g;

-- what is bought, with its catalogue code and how often (per mille of notices)
CREATE TEMP TABLE items(k int, name text, code text, category text, weight int);
INSERT INTO items VALUES
 (0,'台式电脑','A02010105','A',40),(1,'笔记本电脑','A02010108','A',30),(2,'办公桌椅','A06010100','A',40),
 (3,'复印纸','A05010000','A',40),(4,'多功能一体机','A02021000','A',30),(5,'投影仪','A02030400','A',30),
 (6,'服务器','A02010103','A',20),(7,'网络交换机','A02010201','A',20),(8,'医用耗材','A03180000','A',40),
 (9,'医疗设备','A03200000','A',30),(10,'教学仪器','A03130000','A',40),(11,'图书采购','A05020000','A',30),
 (12,'校服','A07020000','A',30),(13,'公务用车','A02030500','A',20),(14,'空调设备','A02060000','A',30),
 (15,'食堂食材','A07050000','A',40),(16,'道路维修工程','B01020000','B',30),(17,'校舍改造工程','B01010000','B',40),
 (18,'绿化养护服务','C19060000','C',40),(19,'保洁服务','C21020000','C',40),(20,'安保服务','C21030000','C',40),
 (21,'审计服务','C23030000','C',30),(22,'信息系统运维服务','C16070000','C',43),(23,'软件开发服务','C16010000','C',40),
 (24,'印刷服务','C08140000','C',30),(25,'车辆维修保养服务','C20020000','C',40),(26,'法律咨询服务','C23010000','C',30),
 (27,'培训服务','C09060000','C',30),(28,'体检服务','C12020000','C',40),(29,'会议服务','C21040100','C',16),
 (30,'物业管理服务','C21040000','C',1),(31,'档案数字化加工服务','C16050000','C',0);
-- cumulative weights over 1000 (档案数字化 is placed by hand below: about 1 in 20,000)
CREATE TEMP TABLE item_pick AS
SELECT k, sum(weight) OVER (ORDER BY k) - weight AS lo, sum(weight) OVER (ORDER BY k) AS hi FROM items;
SELECT sum(weight) AS "item weights (per mille, must be 1000)" FROM items;

-- generic sentences of a notice, none containing 电脑, 物业 or 档案
CREATE TEMP TABLE phrases(k int, text text, terms text);
INSERT INTO phrases(k, text) SELECT k - 1, p FROM unnest(ARRAY[
 '供应商应当具有独立承担民事责任的能力','具有良好的商业信誉和健全的财务会计制度',
 '具有履行合同所必需的设备和专业技术能力','有依法缴纳税收和社会保障资金的良好记录',
 '参加政府采购活动前三年内在经营活动中没有重大违法记录','本项目专门面向中小企业采购',
 '本项目不接受联合体投标','获取采购文件的时间为公告发布之日起五个工作日',
 '投标文件应当在截止时间前通过平台上传','逾期上传的投标文件平台不予接收',
 '开标时间与投标截止时间相同','开标地点为本平台开标大厅','投标保证金以保函形式提交',
 '采购人对采购文件的解释具有最终效力','供应商对采购文件有疑问的可在规定期限内提出质疑',
 '本公告期限为五个工作日','合同履行期限为签订合同之日起一年','付款方式为验收合格后一次性支付',
 '交货地点为采购人指定地点','质量保证期不少于三年','售后服务响应时间不超过两小时',
 '评标方法为综合评分法','价格分采用低价优先法计算','评审专家从专家库中随机抽取',
 '中标结果将在本平台公告','未中标供应商的保证金在五个工作日内退还','采购预算已经财政部门批准',
 '本项目资金来源为财政性资金','采购需求详见采购文件第三章','技术参数不得指向特定品牌',
 '投标人应当提供产品检测报告','节能产品和环境标志产品享受优先采购','监督部门为区财政局政府采购科',
 '联系人及联系方式详见采购文件','采购代理机构负责组织开标评标工作','本次采购不设最高限价以外的其他价格条件',
 '供应商须在平台完成注册并通过审核','电子投标文件须加盖电子印章','项目实施地点在本市范围内',
 '验收由采购人组织并出具验收报告','合同签订后七个工作日内在平台公告','成交供应商应按时签订合同',
 '响应文件提交截止时间后不得修改','本次竞价采用网上公开竞价方式','竞价开始后每次报价须低于当前最低价',
 '最低有效报价的供应商为成交供应商','终止原因为采购需求发生重大变化','更正内容以本公告为准',
 '其他内容不变','特此公告']) WITH ORDINALITY AS x(p, k);
UPDATE phrases SET terms = bench_terms(text);
SELECT count(*) AS "generic sentences", bool_or(text ~ '电脑|物业|档案') AS "any has a searched word" FROM phrases;

-- published projects: method, category and buyer fixed per project
CREATE TEMP TABLE methods(k int, m text);
INSERT INTO methods SELECT k - 1, m FROM unnest(ARRAY['OPEN_TENDER','OPEN_TENDER','OPEN_TENDER',
  'COMPETITIVE_CONSULTATION','COMPETITIVE_NEGOTIATION','REQUEST_FOR_QUOTATION','INVITED_TENDER',
  'SINGLE_SOURCE','REVERSE_AUCTION','REVERSE_AUCTION']) WITH ORDINALITY AS x(m, k);
CREATE TEMP TABLE bench_project AS
SELECT 10000000 + g AS id, g,
       (SELECT k FROM item_pick WHERE (g * 7919) % 1000 >= lo AND (g * 7919) % 1000 < hi) AS item,
       1000000 + (g * 31) % 300 AS buyer, 1001000 + g % 10 AS agency,
       (SELECT m FROM methods WHERE k = (g * 13) % 10) AS method
FROM generate_series(0, 59999) g;
UPDATE bench_project SET item = 31 WHERE g % 3000 = 1777;  -- 档案数字化: 20 projects, ~330 notices
INSERT INTO procurement_project (id, reference, title, method, category, buyer_id, agency_id,
    bid_deadline, auction_start, state, created_at, created_by, published_at, published_by)
SELECT p.id, 'SZCG-B-' || p.g, o.name || i.name || '采购项目', p.method, i.category, p.buyer,
       p.agency, now() + interval '20 days',
       CASE WHEN p.method = 'REVERSE_AUCTION' THEN now() + interval '21 days' END,
       'PUBLISHED', now() - interval '5 years', 'bench', now() - interval '5 years', 'bench'
FROM bench_project p JOIN items i ON i.k = p.item JOIN organisation o ON o.id = p.buyer;

-- the terms of every title that occurs (unit × item × kind of notice) and of each item's sentence
ALTER TABLE items ADD COLUMN sentence_terms text;
UPDATE items SET sentence_terms = bench_terms('本项目采购内容为' || name || '，数量及技术要求详见采购文件');

-- notice types over a project's life
CREATE TEMP TABLE types(k int, t text, suffix text, opening text);
INSERT INTO types VALUES (0,'PROCUREMENT','采购公告','本项目现进行公开采购，欢迎合格供应商参加'),
 (1,'PROCUREMENT','采购公告','本项目现进行公开采购，欢迎合格供应商参加'),
 (2,'CORRECTION','更正公告','现对本项目采购公告作如下更正'),
 (3,'AWARD','中标结果公告','本项目评审工作已经结束，现将结果公告如下'),
 (4,'AWARD','中标结果公告','本项目评审工作已经结束，现将结果公告如下'),
 (5,'CONTRACT','合同公告','本项目合同已经签订，现予公告'),
 (6,'CONTRACT','合同公告','本项目合同已经签订，现予公告'),
 (7,'ACCEPTANCE','履约验收结果公告','本项目已完成履约验收'),
 (8,'TERMINATION','终止公告','本项目因故终止'),
 (9,'PROCUREMENT','采购公告','本项目现进行公开采购，欢迎合格供应商参加');
ALTER TABLE types ADD COLUMN opening_terms text;
UPDATE types SET opening_terms = bench_terms(opening);
CREATE TABLE bench_title AS
SELECT o.id AS buyer, i.k AS item, t.suffix, bench_terms(o.name || i.name || t.suffix) AS terms
FROM organisation o CROSS JOIN items i CROSS JOIN (SELECT DISTINCT suffix FROM types) t
WHERE o.org_type = 'PURCHASING_UNIT' AND o.id >= 1000000;
CREATE UNIQUE INDEX ON bench_title (buyer, item, suffix);
CREATE TABLE bench_items AS SELECT * FROM items;
CREATE TABLE bench_types AS SELECT * FROM types;
CREATE TABLE bench_phrases AS SELECT * FROM phrases;
CREATE TABLE bench_projects AS SELECT * FROM bench_project;
SQL
printf '== reference data and projects in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"

t0=$(date +%s.%N)
"${pg[@]}" -v notices="$notices" <<'SQL'
SET synchronous_commit = off;
SET work_mem = '64MB';
-- one notice every ~2.5 minutes over the last ~5 years, two at a time sharing a second (the id
-- breaks the tie), newest last; body: the type's opening, the item sentence, six generic sentences
CREATE TEMP TABLE ph AS SELECT array_agg(text ORDER BY k) AS t, array_agg(terms ORDER BY k) AS terms,
  count(*)::int AS n FROM bench_phrases;
INSERT INTO notice (id, notice_no, notice_type, project_id, title, body, method, category, buyer_id,
    buyer_name, agency_name, budget, deadline, opening_time, auction_start, published_at,
    published_by, search_terms)
SELECT 20000000 + i, 'GG-B-' || lpad(i::text, 7, '0'), ty.t, p.id,
       o.name || it.name || ty.suffix,
       ty.opening || '。' || E'\n' || '本项目采购内容为' || it.name || '，数量及技术要求详见采购文件。' || E'\n'
         || ph.t[1 + (i * 3) % ph.n] || '。' || ph.t[1 + (i * 7 + 1) % ph.n] || '。'
         || ph.t[1 + (i * 11 + 2) % ph.n] || '。' || E'\n' || ph.t[1 + (i * 17 + 3) % ph.n] || '。'
         || ph.t[1 + (i * 19 + 4) % ph.n] || '。' || ph.t[1 + (i * 23 + 5) % ph.n] || '。',
       p.method, it.category, p.buyer, o.name, '基准采购代理机构' || (p.agency - 1001000),
       10000 + (i % 997) * 1000,
       CASE WHEN ty.t IN ('PROCUREMENT', 'CORRECTION') THEN pub + interval '20 days' END,
       CASE WHEN ty.t IN ('PROCUREMENT', 'CORRECTION') AND p.method IN ('OPEN_TENDER', 'INVITED_TENDER')
            THEN pub + interval '20 days' END,
       CASE WHEN ty.t IN ('PROCUREMENT', 'CORRECTION') AND p.method = 'REVERSE_AUCTION'
            THEN pub + interval '21 days' END,
       pub, 'bench',
       tt.terms || ' ' || ty.opening_terms || ' ' || it.sentence_terms || ' '
         || ph.terms[1 + (i * 3) % ph.n] || ' ' || ph.terms[1 + (i * 7 + 1) % ph.n] || ' '
         || ph.terms[1 + (i * 11 + 2) % ph.n] || ' ' || ph.terms[1 + (i * 17 + 3) % ph.n] || ' '
         || ph.terms[1 + (i * 19 + 4) % ph.n] || ' ' || ph.terms[1 + (i * 23 + 5) % ph.n]
FROM generate_series(1, :notices) i
CROSS JOIN ph
CROSS JOIN LATERAL (SELECT now() - ((:notices - i) / 2) * interval '5 minutes' AS pub) t
JOIN bench_projects p ON p.g = (i * 40507::bigint) % 60000
JOIN organisation o ON o.id = p.buyer
JOIN bench_items it ON it.k = p.item
JOIN bench_types ty ON ty.k = (i * 7) % 10
JOIN bench_title tt ON tt.buyer = p.buyer AND tt.item = p.item AND tt.suffix = ty.suffix;
-- each notice's catalogue codes: its item's, and for a fifth of the goods notices also 复印纸
INSERT INTO notice_catalogue (notice_id, catalogue_code)
SELECT n.id, i.code FROM notice n JOIN bench_projects p ON p.id = n.project_id
JOIN bench_items i ON i.k = p.item;
INSERT INTO notice_catalogue (notice_id, catalogue_code)
SELECT n.id, 'A05010000' FROM notice n WHERE n.id % 5 = 0 AND n.category = 'A'
ON CONFLICT DO NOTHING;
SQL
printf '== %s notices loaded in %.1f s\n' "$notices" "$(echo "$(date +%s.%N) - $t0" | bc)"

for f in $migrations/common/V9__*.sql $migrations/postgresql/V9_1__*.sql; do
  t0=$(date +%s.%N)
  "${pg[@]}" -c "SET maintenance_work_mem = '512MB'" -f "$f"
  printf '== migration %s on the full table: %.1f s\n' "$(basename "$f")" "$(echo "$(date +%s.%N) - $t0" | bc)"
done
t0=$(date +%s.%N)
"${pg[@]}" -c "VACUUM ANALYZE notice" -c "VACUUM ANALYZE notice_catalogue" -c "ANALYZE organisation"
printf '== VACUUM ANALYZE: %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
"${pg[@]}" -Atc "SELECT 'notices: ' || count(*) || ', with 电脑: ' || count(*) FILTER (WHERE search_terms LIKE '%电脑%') || ', with 物业: ' || count(*) FILTER (WHERE search_terms LIKE '%物业%') || ', with 档案数字化: ' || count(*) FILTER (WHERE search_terms LIKE '%档案 案数 数字 字化%') FROM notice"
"${pg[@]}" -Atc "SELECT 'table ' || pg_size_pretty(pg_table_size('notice')) || ', GIN ' || pg_size_pretty(pg_relation_size('notice_search')) || ', database ' || pg_size_pretty(pg_database_size(current_database()))"

# the queries NoticePortal writes (ids of a page of 20 + 1, newest first), with the cursor of the
# notice half-way down the list for the deep pages
"${pg[@]}" <<'SQL'
CREATE FUNCTION bench_run(label text, q text, runs int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz; ms double precision[] := '{}'; n int; rows int;
BEGIN
  FOR n IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE 'SELECT count(*) FROM (' || q || ') x' INTO rows;
    ms := ms || (extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  SELECT array_agg(v ORDER BY v) INTO ms FROM unnest(ms) v;
  RETURN format('%s rows %s   p50 %s ms   max %s ms', rpad(label, 40), lpad(rows::text, 3),
                lpad(to_char(ms[(runs + 1) / 2], 'FM99990.00'), 8),
                lpad(to_char(ms[runs], 'FM99990.00'), 8));
END $$;
CREATE TABLE bench_cursor AS
SELECT published_at AS t, id FROM notice ORDER BY published_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM notice) LIMIT 1;
SQL
fi

"${pg[@]}" -v runs="$runs" -At > /tmp/notice-portal-bench.$$ <<'SQL'
SELECT format(' AND (n.published_at, n.id) < (%L::timestamptz, %s) ', t, id) AS deep FROM bench_cursor \gset
SELECT min(id) AS buyer FROM organisation WHERE org_type = 'PURCHASING_UNIT' \gset
\set page 'ORDER BY n.published_at DESC, n.id DESC LIMIT 21'
SELECT bench_run('first page', 'SELECT n.id FROM notice n WHERE 1 = 1 ' || :'page', :runs);
SELECT bench_run('deep page (cursor half-way down)', 'SELECT n.id FROM notice n WHERE 1 = 1' || :'deep' || :'page', :runs);
SELECT bench_run('type=AWARD', 'SELECT n.id FROM notice n WHERE n.notice_type = ''AWARD'' ' || :'page', :runs);
SELECT bench_run('type=TERMINATION, deep', 'SELECT n.id FROM notice n WHERE n.notice_type = ''TERMINATION''' || :'deep' || :'page', :runs);
SELECT bench_run('method=REVERSE_AUCTION', 'SELECT n.id FROM notice n WHERE n.method = ''REVERSE_AUCTION'' ' || :'page', :runs);
SELECT bench_run('buyer=<id>', 'SELECT n.id FROM notice n WHERE n.buyer_id = ' || :buyer || ' ' || :'page', :runs);
SELECT bench_run('buyer=<id>, deep', 'SELECT n.id FROM notice n WHERE n.buyer_id = ' || :buyer || :'deep' || :'page', :runs);
SELECT bench_run('buyer=疾病预防 (name)', 'SELECT n.id FROM notice n WHERE n.buyer_id IN (SELECT o.id FROM organisation o WHERE LOWER(o.name) LIKE ''%疾病预防%'' ESCAPE ''\'') ' || :'page', :runs);
SELECT bench_run('buyer=东城区疾病预防 (one unit by name)', 'SELECT n.id FROM notice n WHERE n.buyer_id IN (SELECT o.id FROM organisation o WHERE LOWER(o.name) LIKE ''%东城区疾病预防%'' ESCAPE ''\'') ' || :'page', :runs);
SELECT bench_run('category=A', 'SELECT n.id FROM notice n WHERE n.category = ''A'' ' || :'page', :runs);
SELECT bench_run('category=A0201 (common)', 'SELECT n.id FROM notice n WHERE EXISTS (SELECT 1 FROM notice_catalogue c WHERE c.notice_id = n.id AND c.catalogue_code LIKE ''A0201%'') ' || :'page', :runs);
SELECT bench_run('category=C2104 (rare: 物业/会议)', 'SELECT n.id FROM notice n WHERE EXISTS (SELECT 1 FROM notice_catalogue c WHERE c.notice_id = n.id AND c.catalogue_code LIKE ''C2104%'') ' || :'page', :runs);
SELECT bench_run('from..to (one month, two years ago)', 'SELECT n.id FROM notice n WHERE n.published_at >= now() - interval ''730 days'' AND n.published_at < now() - interval ''700 days'' ' || :'page', :runs);
SELECT bench_run('q=电脑 (common)', 'SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''电脑'''''') ' || :'page', :runs);
SELECT bench_run('q=电脑, deep', 'SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''电脑'''''')' || :'deep' || :'page', :runs);
SELECT bench_run('q=物业 (rare)', 'SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''物业'''''') ' || :'page', :runs);
-- phrases: NoticePortal picks the shape from the rarest pair's share (SearchPlan): collect …
SELECT bench_run('q=档案数字化 (very rare phrase, collect)', 'WITH m AS MATERIALIZED (SELECT n.id, n.published_at FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''档案'''' <-> ''''案数'''' <-> ''''数字'''' <-> ''''字化'''''')) SELECT m.id FROM m ORDER BY m.published_at DESC, m.id DESC LIMIT 21', :runs);
-- … or walk newest first
SELECT bench_run('q=笔记本电脑 (common phrase, walk)', 'SELECT n.id FROM notice n WHERE coalesce(n.search_vector @@ to_tsquery(''simple'', ''''''笔记'''' <-> ''''记本'''' <-> ''''本电'''' <-> ''''电脑''''''), false) ' || :'page', :runs);
SELECT bench_run('q=笔记本电脑, type=PROCUREMENT (walk)', 'SELECT n.id FROM notice n WHERE n.notice_type = ''PROCUREMENT'' AND coalesce(n.search_vector @@ to_tsquery(''simple'', ''''''笔记'''' <-> ''''记本'''' <-> ''''本电'''' <-> ''''电脑''''''), false) ' || :'page', :runs);
SELECT bench_run('q=笔记本电脑, type=TERMINATION (walk)', 'SELECT n.id FROM notice n WHERE n.notice_type = ''TERMINATION'' AND coalesce(n.search_vector @@ to_tsquery(''simple'', ''''''笔记'''' <-> ''''记本'''' <-> ''''本电'''' <-> ''''电脑''''''), false) ' || :'page', :runs);
SELECT bench_run('the same, left to the planner (not used)', 'SELECT n.id FROM notice n WHERE n.notice_type = ''PROCUREMENT'' AND n.search_vector @@ to_tsquery(''simple'', ''''''笔记'''' <-> ''''记本'''' <-> ''''本电'''' <-> ''''电脑'''''') ' || :'page', 5);
SELECT bench_run('q=电 (one character, prefix)', 'SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''电'''':*'') ' || :'page', :runs);
SELECT bench_run('q=不存在的词 (no match)', 'SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery(''simple'', ''''''麒麟'''' <-> ''''麟鸟'''''') ' || :'page', :runs);
SELECT bench_run('rows of a page by id (the second query)', 'SELECT n.id, n.notice_no, n.title FROM notice n WHERE n.id IN (SELECT id FROM notice ORDER BY published_at DESC, id DESC LIMIT 20)', :runs);
SQL
echo "== p50/max over $runs runs each, server-side (EXECUTE in PL/pgSQL), page of 20 (+1):"
cat /tmp/notice-portal-bench.$$
rm -f /tmp/notice-portal-bench.$$

echo "== plans (EXPLAIN ANALYZE)"
"${pg[@]}" <<'SQL'
SELECT t AS ct, id AS cid FROM bench_cursor \gset
\echo '-- first page'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
\echo '-- deep page'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n WHERE (n.published_at, n.id) < (:'ct'::timestamptz, :cid) ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
\echo '-- category A0201'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n WHERE EXISTS (SELECT 1 FROM notice_catalogue c WHERE c.notice_id = n.id AND c.catalogue_code LIKE 'A0201%') ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
\echo '-- q=电脑'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery('simple', '''电脑''') ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
\echo '-- q=物业'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n WHERE n.search_vector @@ to_tsquery('simple', '''物业''') ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
\echo '-- q=档案数字化 (collect)'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) WITH m AS MATERIALIZED (SELECT n.id, n.published_at FROM notice n WHERE n.search_vector @@ to_tsquery('simple', '''档案'' <-> ''案数'' <-> ''数字'' <-> ''字化''')) SELECT m.id FROM m ORDER BY m.published_at DESC, m.id DESC LIMIT 21;
\echo '-- q=笔记本电脑, type=PROCUREMENT (walk)'
EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) SELECT n.id FROM notice n WHERE n.notice_type = 'PROCUREMENT' AND coalesce(n.search_vector @@ to_tsquery('simple', '''笔记'' <-> ''记本'' <-> ''本电'' <-> ''电脑'''), false) ORDER BY n.published_at DESC, n.id DESC LIMIT 21;
SQL
[ "${KEEP:-}" = 1 ] || "${psql_base[@]}" -d postgres -c "DROP DATABASE $db"
