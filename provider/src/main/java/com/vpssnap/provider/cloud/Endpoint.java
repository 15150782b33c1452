package com.vpssnap.provider.cloud;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * An API base URL. Tokens travel in headers, so anything but TLS is refused, except plain HTTP
 * to this machine: the emulator.
 */
public record Endpoint(String baseUrl) {

    /** @param field the setting's name, for the message (e.g. "locawebEndpoint") */
    public static Endpoint parse(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: give the API's base URL, e.g. https://...");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " \"" + url + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(field + " \"" + url
                    + "\" is not an http(s) URL with a host: use https://HOST/PATH");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(field + " \"" + url + "\" uses plain http:// to " + uri.getHost()
                    + ", which would send the API token unencrypted: use https://, "
                    + "or http:// only for a loopback host (127.0.0.1, ::1, localhost) such as the emulator");
        }
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new Endpoint(base);
    }

    /** Decided from the literal host, without a DNS lookup: a name other than localhost is not trusted. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String resolve(String path) {
        return baseUrl + path;
    }
}
