package com.vpssnap.provider.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.cloud.wait.Cancellation;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * JSON over HTTP for one API: auth, error mapping and retries. GET and DELETE are retried on
 * 429/502/503/504 and on lost connections; a POST never is, because its effect may have happened
 * (a lost create answer is recovered by the caller, which looks for the snapshot first).
 */
public final class ApiHttp {
    private static final Logger LOG = Logger.getLogger(ApiHttp.class.getName());
    static final ObjectMapper JSON = new ObjectMapper();
    /** The jar's version (its manifest's Implementation-Version): the clients know nothing of the core. */
    private static final String USER_AGENT = "vpssnap/"
            + java.util.Objects.requireNonNullElse(ApiHttp.class.getPackage().getImplementationVersion(), "dev");
    /** One pool for the process. OkHttp's own silent retry is off: it could repeat a POST. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();

    private final Endpoint endpoint;
    private final HttpUrl base;
    private final MediaType contentType;
    private final Consumer<Request.Builder> auth;
    private final ErrorBodies errors;
    private final RetryPolicy retry;
    private final Cancellation cancellation;
    private final OkHttpClient client;

    public ApiHttp(Endpoint endpoint, String contentType, Consumer<Request.Builder> auth, ErrorBodies errors,
                   RetryPolicy retry, Cancellation cancellation) {
        this(endpoint, contentType, auth, errors, retry, cancellation, SHARED);
    }

    ApiHttp(Endpoint endpoint, String contentType, Consumer<Request.Builder> auth, ErrorBodies errors,
            RetryPolicy retry, Cancellation cancellation, OkHttpClient client) {
        this.endpoint = endpoint;
        this.base = HttpUrl.get(endpoint.baseUrl());
        this.contentType = MediaType.get(contentType);
        this.auth = auth;
        this.errors = errors;
        this.retry = retry;
        this.cancellation = cancellation;
        this.client = client;
    }

    public JsonNode get(String path) {
        return withRetries("GET", url(path), null);
    }

    /**
     * GETs an absolute URL the API gave us (a pagination link). Only URLs on our endpoint's origin
     * are followed: the token must never be sent anywhere else.
     */
    public JsonNode getLink(String absoluteUrl) {
        HttpUrl link = HttpUrl.parse(absoluteUrl);
        if (link == null || !link.scheme().equals(base.scheme()) || !link.host().equals(base.host())
                || link.port() != base.port()) {
            throw new ApiException(0, "GET", absoluteUrl, "the API sent a pagination link outside "
                    + endpoint.baseUrl() + "; not following it", Map.of(), null);
        }
        return withRetries("GET", link, null);
    }

    public JsonNode post(String path, Object body) {
        return once("POST", url(path), body);
    }

    public void delete(String path) {
        withRetries("DELETE", url(path), null);
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(endpoint.resolve(path));
    }

    private JsonNode withRetries(String method, HttpUrl url, Object body) {
        long deadline = System.nanoTime() + retry.budget().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, url, body);
            } catch (RateLimitedException | ServerErrorException | TransportException e) {
                if (!retryable(e) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                Duration wait = retry.backoff(attempt);
                if (e instanceof RetryAfter r && r.retryAfterSeconds() >= 0) {
                    wait = Duration.ofSeconds(r.retryAfterSeconds());
                }
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                final Duration delay = wait;
                final int next = attempt + 1;
                LOG.info(() -> method + " " + pathOf(url) + ": " + e.apiMessage() + "; retry " + next
                        + " in " + delay.toMillis() + " ms");
                cancellation.sleep(wait, method + " " + pathOf(url));
            }
        }
    }

    private static boolean retryable(ApiException e) {
        return e instanceof TransportException || List.of(429, 502, 503, 504).contains(e.status());
    }

    private JsonNode once(String method, HttpUrl url, Object body) {
        cancellation.throwIfCancelled(method + " " + pathOf(url));
        Request.Builder request = new Request.Builder().url(url)
                .header("Accept", contentType.toString())
                .header("User-Agent", USER_AGENT);
        auth.accept(request);
        request.method(method, body == null
                ? (method.equals("POST") ? RequestBody.create(new byte[0], contentType) : null)
                : RequestBody.create(json(body), contentType));
        Call call = client.newCall(request.build());
        long started = System.nanoTime();
        try (AutoCloseable ignored = cancellation.onCancel(call::cancel); Response response = call.execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            LOG.fine(() -> method + " " + pathOf(url) + " -> " + response.code() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (response.isSuccessful()) {
                return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            }
            ErrorBodies.Parsed parsed = errors.parse(text, response.code(), response.message());
            throw ApiException.of(response.code(), method, pathOf(url), parsed.message(), parsed.fieldErrors(),
                    retryAfter(response.header("Retry-After")));
        } catch (ApiException e) {
            throw e;
        } catch (IOException e) {
            cancellation.throwIfCancelled(method + " " + pathOf(url));
            throw new TransportException(method, pathOf(url), e);
        } catch (Exception e) {
            throw new TransportException(method, pathOf(url), e);
        }
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode request body", e);
        }
    }

    private static long retryAfter(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return -1; // an HTTP-date: fall back to our own backoff
        }
    }

    /** The path and query, which is what messages show: never the host's credentials or headers. */
    static String pathOf(HttpUrl url) {
        String query = url.encodedQuery();
        return url.encodedPath() + (query == null ? "" : "?" + query);
    }
}
