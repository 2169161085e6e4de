package io.sunshine.directory.boundary;

/**
 * A catalogue item as other components and pages see it.
 *
 * @param category A (货物 goods), B (工程 works) or C (服务 services)
 * @param parentCode null for the three roots
 * @param leaf whether no item lies below it (requirements name leaves)
 * @param active false once an import of the whole table left it out
 */
public record CatalogueItemView(
        String code,
        String name,
        String category,
        String parentCode,
        boolean leaf,
        boolean active) {}
