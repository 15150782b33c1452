package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.cloud.Answer;
import com.vpssnap.provider.cloud.ApiHttp;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.ErrorBodies;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Acme's API (AcmeEmulation's javadoc has it), on the same ApiHttp as the real clouds' clients. */
public final class AcmeClient {
    /** One Acme snapshot as the API answers it. */
    public record Snapshot(long id, String machine, String label, String note, String state, String created) {
        public static final String READY = "ready";
    }

    private static final ErrorBodies ERRORS = (body, status, reason) -> {
        String message = body != null && body.contains("\"error\"")
                ? body.replaceAll("(?s).*\"error\"\\s*:\\s*\"([^\"]*)\".*", "$1") : reason;
        return new ErrorBodies.Parsed(message, Map.of());
    };

    private final ApiHttp http;

    AcmeClient(Endpoint endpoint, Secret key, Cancellation cancellation) {
        this.http = new ApiHttp(endpoint, "application/json", request -> request.header("X-Acme-Key", key.reveal()),
                ERRORS, RetryPolicy.DEFAULT, cancellation);
    }

    List<Snapshot> list(String machine) {
        return http.get(path(machine), answer -> answer.objects("snapshots").stream().map(AcmeClient::snapshot).toList());
    }

    Snapshot get(String machine, long id) {
        return http.get(path(machine) + "/" + id, AcmeClient::snapshot);
    }

    Snapshot create(String machine, String label, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("note", note == null ? "" : note);
        return http.post(path(machine), body, AcmeClient::snapshot);
    }

    void delete(String machine, long id) {
        http.delete(path(machine) + "/" + id);
    }

    void rollback(String machine, long id) {
        http.post(path(machine) + "/" + id + "/rollback", null, answer -> answer.number("rolledBack"));
    }

    private static String path(String machine) {
        return "/machines/" + machine + "/snapshots";
    }

    private static Snapshot snapshot(Answer a) {
        return new Snapshot(a.number("id"), a.text("machine"), a.text("label"), a.optionalText("note"), a.text("state"),
                a.text("created"));
    }
}
