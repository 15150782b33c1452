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
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * JSON over HTTP for one API: auth, error mapping and retries. GET and DELETE are retried on
 * 429/502/503/504 and on lost connections; a POST never is, because its effect may have happened
 * (a lost create answer is recovered by the caller, which looks for the snapshot first).
 */
public final class ApiHttp {
    private static final Logger LOG = Logger.getLogger(ApiHttp.class.getName());
    /** Far above a page of 100 snapshots (about 50 KB): an answer larger than this is not the API's. */
    static final long MAX_ANSWER_BYTES = 1 << 20;
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

    /** GETs and reads the answer; a field missing or of the wrong type is a {@link MalformedAnswerException}. */
    public <T> T get(String path, Function<Answer, T> read) {
        return withRetries("GET", url(path), null, read);
    }

    /**
     * GETs an absolute URL the API gave us (a pagination link). Only URLs on our endpoint's origin
     * are followed: the token must never be sent anywhere else.
     */
    public <T> T getLink(String absoluteUrl, Function<Answer, T> read) {
        HttpUrl link = HttpUrl.parse(absoluteUrl);
        if (link == null || !link.scheme().equals(base.scheme()) || !link.host().equals(base.host())
                || link.port() != base.port()) {
            throw new ApiException(0, "GET", absoluteUrl, "the API sent a pagination link outside "
                    + endpoint.baseUrl() + "; not following it", Map.of(), null);
        }
        return withRetries("GET", link, null, read);
    }

    public <T> T post(String path, Object body, Function<Answer, T> read) {
        return once("POST", url(path), body, read);
    }

    public void delete(String path) {
        withRetries("DELETE", url(path), null, null);
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(endpoint.resolve(path));
    }

    private <T> T withRetries(String method, HttpUrl url, Object body, Function<Answer, T> read) {
        long deadline = System.nanoTime() + retry.budget().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, url, body, read);
            } catch (RateLimitedException | ServerErrorException | TransportException | MalformedAnswerException e) {
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
        if (e instanceof MalformedAnswerException malformed) {
            return malformed.isTransient() || List.of(502, 503, 504).contains(e.status());
        }
        return e instanceof TransportException || List.of(429, 502, 503, 504).contains(e.status());
    }

    /**
     * One request. {@code read} turns a successful answer into the caller's value; null for a call
     * whose answer has no body to read (DELETE).
     */
    private <T> T once(String method, HttpUrl url, Object body, Function<Answer, T> read) {
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
            if (response.isSuccessful() && read == null) {
                return null; // a DELETE's answer says nothing we use: its body is not read at all
            }
            MediaType type = responseBody == null ? null : responseBody.contentType();
            String text = BoundedBody.read(responseBody, MAX_ANSWER_BYTES, method, pathOf(url), response.code());
            LOG.fine(() -> method + " " + pathOf(url) + " -> " + response.code() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (response.isSuccessful()) {
                return read == null ? null : read(method, url, response.code(), type, text, read);
            }
            String notJson = BoundedBody.notJson(type, text);
            if (notJson != null) {
                // A proxy's page: the status says what happened, the body is not the API's.
                String reason = response.message().isEmpty() ? "HTTP " + response.code() : response.message();
                throw malformedOrStatus(response.code(), method, pathOf(url), reason + "; " + notJson,
                        retryAfter(response.header("Retry-After")));
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

    /** A successful answer, checked in the order things go wrong: empty, not JSON, cut short, wrong shape. */
    private static <T> T read(String method, HttpUrl url, int status, MediaType type, String text, Function<Answer, T> read) {
        String path = pathOf(url);
        if (text.isBlank()) {
            throw new MalformedAnswerException(status, method, path, "the answer is empty; a JSON document was expected",
                    true, null);
        }
        String notJson = BoundedBody.notJson(type, text);
        if (notJson != null) {
            throw new MalformedAnswerException(status, method, path, notJson, true, null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            throw new MalformedAnswerException(status, method, path, "the answer is not valid JSON (it ends or breaks after "
                    + text.length() + " characters): " + BoundedBody.quote(text), true, null);
        }
        try {
            return read.apply(Answer.of(tree));
        } catch (AnswerShapeException e) {
            throw new MalformedAnswerException(status, method, path, "the answer is not in the documented shape: "
                    + e.getMessage(), false, null);
        }
    }

    /**
     * A non-JSON error page: a 5xx or 429 stays what its status says (retried as one). Any other
     * status is malformed: a proxy's HTML 404 must never make a read conclude that a snapshot is gone.
     */
    private static ApiException malformedOrStatus(int status, String method, String path, String message, long retryAfter) {
        if (status >= 500 || status == 429) {
            return ApiException.of(status, method, path, message, Map.of(), retryAfter);
        }
        return new MalformedAnswerException(status, method, path, message, false, null);
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
