package dev.ponder.models.catalog;

import java.util.List;

/**
 * A model of the catalog with its files, one per quantization.
 *
 * @param architecture  llama.cpp's name for it (general.architecture)
 * @param licence       the terms it comes under
 * @param licenceSource where those terms are stated
 */
public record CatalogModel(String id, String name, String architecture, String licence, String licenceSource,
                           CatalogShape shape, List<CatalogFile> files) {

    public CatalogModel {
        files = List.copyOf(files);
    }
}
