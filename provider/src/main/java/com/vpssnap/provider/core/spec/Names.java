package com.vpssnap.provider.core.spec;

/** Spelling conversions between the Pulumi (camelCase) and Terraform (snake_case) worlds. */
public final class Names {
    private Names() {
    }

    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
