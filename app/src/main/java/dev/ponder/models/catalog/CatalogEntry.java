package dev.ponder.models.catalog;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import dev.ponder.models.fit.FitPlan;

/**
 * One row of the catalog as a Models view lists it: a model's file, whether it is here, and how it would run.
 *
 * @param localFile the downloaded file, or null
 * @param plan      the fit on this machine, or null when the file's size is unknown
 */
public record CatalogEntry(CatalogModel model, CatalogFile file,
                           @JsonSerialize(using = ToStringSerializer.class) Path localFile, FitPlan plan) {
}
