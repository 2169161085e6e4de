package io.sunshine.directory.boundary;

import java.util.List;

/** One page of a catalogue search and the number of items that match in all. */
public record CataloguePage(long total, int first, List<CatalogueItemView> items) {}
