package dev.ponder.models.catalog;

import dev.ponder.models.fit.ModelShape;

/**
 * A catalogued model's sizes, from its {@code config.json}: enough to plan it before a byte is downloaded.
 *
 * @param source where the figures were read
 */
public record CatalogShape(int layers, int embedding, int feedForward, int heads, int headsKv, int vocabulary,
                           int context, String source) {

    /**
     * The planner's shape for a file of {@code fileBytes}. The file's bytes are shared out over the layers, the
     * embedding and the output head by their weight counts (a quantization spends about the same bits on each);
     * a downloaded file's own header replaces this estimate.
     */
    public ModelShape toModelShape(long fileBytes) {
        long kvWidth = (long) headsKv * (embedding / heads);
        double layerWeights = (double) layers * ((long) embedding * embedding * 2 + 2L * embedding * kvWidth
                + 3L * embedding * feedForward);
        double tableWeights = (double) vocabulary * embedding;
        double bytesPerWeight = fileBytes / (layerWeights + 2 * tableWeights);
        long table = (long) (tableWeights * bytesPerWeight);
        return new ModelShape(layers, heads, headsKv, 0, 0, embedding, vocabulary, fileBytes - 2 * table, table,
                table, false, 0, 0, 0);
    }
}
