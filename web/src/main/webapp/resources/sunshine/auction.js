/*
 * The live auction area: state from the WebSocket feed (/ws/auctions/{id}), a countdown on server
 * time. The offset between this browser's clock and the server's is measured from round trips
 * ({"type":"sync","t0":…} answered with the server's time), NTP-style, and only server time decides
 * anything: the countdown is a courtesy, a late bid is refused by the server however this clock
 * reads. Every message is the whole state, so a reconnect (with growing pauses) catches up at once.
 */
(function () {
  'use strict';
  var root = document.getElementById('auctionLive');
  if (!root || !window.WebSocket) {
    return;
  }
  var labels = JSON.parse(root.getAttribute('data-labels') || '{}');
  var role = root.getAttribute('data-role');
  var state = null;
  var offset = null; // server clock − this clock, ms
  var bestRtt = Infinity;
  var socket = null;
  var retries = 0;

  function $(id) { return document.getElementById(id); }
  function text(id, value) { var e = $(id); if (e) { e.textContent = value; } }
  function label(key) { return labels[key] || key; }
  function fill(pattern, args) {
    return pattern.replace(/\{(\d)\}/g, function (m, i) { return args[+i]; });
  }
  function money(v) {
    if (v === null || v === undefined) { return '—'; }
    var n = Number(v);
    return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function beijing(iso) {
    if (!iso) { return ''; }
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getUTCFullYear() + '-' + two(d.getUTCMonth() + 1) + '-' + two(d.getUTCDate()) + ' ' +
      two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds());
  }
  function serverNow() { return Date.now() + (offset || 0); }

  function connection(kind) {
    var e = $('connection');
    if (e) { e.setAttribute('data-state', kind); e.textContent = label('auction.' + kind); }
  }

  function sync() {
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: 'sync', t0: Date.now() }));
    }
  }

  function render() {
    var s = state;
    text('bidCount', s.bidCount);
    text('bestAmount', s.bestAmount === null || s.bestAmount === undefined
      ? (role === 'supplier' && s.visibility === 'RANK_ONLY' ? label('auction.hidden') : '—')
      : money(s.bestAmount));
    text('closesAt', beijing(s.closesAt));
    text('extensions', s.extensions + ' / ' + s.maxExtensions);
    if (role === 'supplier') {
      text('myAlias', s.myAlias || '—');
      text('myRank', s.myRank ? s.myRank : '—');
      var allowed = null;
      if (s.basis === 'BEST') {
        allowed = s.bestAmount !== null && s.bestAmount !== undefined
          ? Number(s.bestAmount) - Number(s.step) : (s.bidCount === 0 ? Number(s.ceiling) : null);
      } else if (s.myBids && s.myBids.length) {
        allowed = Number(s.myBids[s.myBids.length - 1].amount) - Number(s.step);
      } else {
        allowed = Number(s.ceiling);
      }
      text('maxAllowed', allowed === null ? '' : fill(label('auction.maxAllowed'), [money(allowed)]));
    }
    var table = $('ladder');
    if (table && s.ladder) {
      var body = table.tBodies[0];
      while (body.firstChild) { body.removeChild(body.firstChild); }
      s.ladder.forEach(function (r) {
        var tr = document.createElement('tr');
        [r.rank, r.alias, r.supplier || '', money(r.amount), beijing(r.acceptedAt)].forEach(function (v, i) {
          var td = document.createElement('td');
          td.textContent = v;
          if (i === 3) { td.className = 'num'; }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    var result = $('result');
    if (result) {
      if (s.result) {
        result.hidden = false;
        result.className = 'auction-result result-' + s.result.state;
        result.textContent = s.result.state === 'AWARDED'
          ? fill(label('auction.result.awarded'), [s.result.winnerAlias, money(s.result.winningAmount), money(s.result.saving)])
          : fill(label('auction.result.failed'), [s.result.qualified, s.result.minimum]);
      } else {
        result.hidden = true;
      }
    }
    tick();
  }

  function tick() {
    if (!state) { return; }
    var now = serverNow();
    var status = state.status;
    if (status === 'SCHEDULED' || status === 'OPEN') {
      status = now < Date.parse(state.startsAt) ? 'SCHEDULED'
        : now < Date.parse(state.closesAt) ? 'OPEN' : 'CLOSING';
    }
    var chip = $('liveStatus');
    if (chip) { chip.textContent = label('auction.status.' + status); chip.className = 'state-chip status-' + status; }
    var target = status === 'SCHEDULED' ? Date.parse(state.startsAt)
      : status === 'OPEN' ? Date.parse(state.closesAt) : null;
    text('countdownLabel', status === 'SCHEDULED' ? label('auction.startsIn')
      : status === 'OPEN' ? label('auction.closesIn') : label('auction.closed'));
    if (target === null) {
      text('countdown', '00:00:00');
      return;
    }
    var left = Math.max(0, Math.floor((target - now) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
    text('countdown', (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':' + (sec < 10 ? '0' : '') + sec);
    var cd = $('countdown');
    if (cd) { cd.className = 'countdown' + (status === 'OPEN' && left <= 60 ? ' urgent' : ''); }
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + root.getAttribute('data-ws');
    socket = new WebSocket(url);
    socket.onopen = function () { retries = 0; connection('live'); sync(); };
    socket.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (ignored) { return; }
      if (m.type === 'sync') {
        var t1 = Date.now(), rtt = t1 - m.t0;
        if (rtt <= bestRtt || offset === null) {
          bestRtt = rtt;
          offset = Date.parse(m.serverTime) - (m.t0 + t1) / 2;
        }
      } else if (m.type === 'state') {
        if (offset === null) { offset = Date.parse(m.serverTime) - Date.now(); }
        if (state && m.bidCount < state.bidCount && m.status === state.status) { return; }
        state = m;
        root.setAttribute('data-bid-count', m.bidCount);
        render();
      }
    };
    socket.onclose = function () {
      connection('lost');
      var wait = Math.min(10000, 1000 * Math.pow(2, retries++));
      setTimeout(connect, wait);
    };
  }

  connection('connecting');
  connect();
  setInterval(tick, 250);
  setInterval(sync, 30000);
})();
