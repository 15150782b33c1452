package com.vpssnap.emulator.locaweb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON:API pagination: {@code page[number]}, {@code page[size]} (default 10, maximum 100), and the five links. */
record Page(int number, int size) {
    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;

    /** This page with at most {@code cap} items, as a server that caps page[size] serves it. */
    Page cappedAt(int cap) {
        return new Page(number, Math.min(size, cap));
    }

    /** Parses the query; throws IllegalArgumentException with a message naming the parameter. */
    static Page parse(String number, String size) {
        return new Page(positive("page[number]", number, 1, Integer.MAX_VALUE),
                positive("page[size]", size, DEFAULT_SIZE, MAX_SIZE));
    }

    private static int positive(String name, String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", got '" + value + "'");
    }

    <T> List<T> slice(List<T> all) {
        int from = Math.min(all.size(), (number - 1) * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    Map<String, Object> links(String collectionUrl, int total) {
        int last = Math.max(1, (total + size - 1) / size);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", url(collectionUrl, number));
        links.put("first", url(collectionUrl, 1));
        links.put("prev", number > 1 ? url(collectionUrl, Math.min(number - 1, last)) : null);
        links.put("next", number < last ? url(collectionUrl, number + 1) : null);
        links.put("last", url(collectionUrl, last));
        return links;
    }

    private String url(String collectionUrl, int page) {
        return collectionUrl + "?page%5Bnumber%5D=" + page + "&page%5Bsize%5D=" + size;
    }
}
