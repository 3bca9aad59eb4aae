package dev.ponder.download;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where models are downloaded from, configured the Hugging Face way: {@code HF_ENDPOINT} (a mirror, a company proxy)
 * or {@code --endpoint}, else huggingface.co. Files are at {@code {endpoint}/{repo}/resolve/{revision}/{file}}.
 */
public record HubEndpoint(URI base) {

    public static final String DEFAULT = "https://huggingface.co";
    public static final String ENVIRONMENT_VARIABLE = "HF_ENDPOINT";

    public HubEndpoint {
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || base.getHost() == null) {
            throw new IllegalArgumentException("'" + base + "' is not an http(s) address: give the endpoint as e.g. "
                    + DEFAULT);
        }
    }

    public static HubEndpoint of(String url) {
        try {
            return new HubEndpoint(URI.create(url.strip().replaceAll("/+$", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) address: give the endpoint as e.g. "
                    + DEFAULT, e);
        }
    }

    /** {@code explicit} when given, else {@code HF_ENDPOINT}, else huggingface.co. */
    public static HubEndpoint choose(String explicit, Map<String, String> environment) {
        if (explicit != null && !explicit.isBlank()) {
            return of(explicit);
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        return of(fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT : fromEnvironment);
    }

    public URI resolve(RemoteFile file) {
        return URI.create(base + "/" + encodePath(file.repo()) + "/resolve/" + encode(file.revision()) + "/"
                + encodePath(file.path()));
    }

    private static String encodePath(String path) {
        return Arrays.stream(path.split("/")).map(HubEndpoint::encode).collect(Collectors.joining("/"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
