package com.vpssnap.provider.docs;

import java.util.List;

/** Just enough Markdown to write the docs pages: headings, paragraphs, tables and code blocks. */
final class Markdown {
    private final StringBuilder out = new StringBuilder();

    Markdown heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    Markdown paragraph(String text) {
        out.append(text).append("\n\n");
        return this;
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        out.append(row(header)).append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> out.append(row(r)));
        out.append('\n');
        return this;
    }

    Markdown code(String language, String code) {
        out.append("```").append(language).append('\n').append(code.strip()).append("\n```\n\n");
        return this;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " ")).toList()) + " |\n";
    }

    @Override
    public String toString() {
        return out.toString().stripTrailing() + "\n";
    }
}
