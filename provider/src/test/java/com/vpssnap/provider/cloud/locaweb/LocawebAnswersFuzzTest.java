package com.vpssnap.provider.cloud.locaweb;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.cloud.Answer;
import com.vpssnap.provider.cloud.AnswerShapeException;

import java.nio.charset.StandardCharsets;

/**
 * Whatever bytes Locaweb (or a proxy) answers, the client's readers either return a snapshot or
 * an action, or refuse with AnswerShapeException (ApiHttp names the call around it); the JSON
 * parser's own refusal comes first. Anything else is a bug.
 */
class LocawebAnswersFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5s")
    void readAnswer(byte[] bytes) {
        JsonNode tree;
        try {
            // As ApiHttp reads an answer: the body as UTF-8 text, then the JSON parser.
            tree = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (tree == null) {
            return;
        }
        try {
            LocawebClient.snapshot(Answer.of(tree).object("data"));
        } catch (AnswerShapeException expected) {
            // named refusal
        }
        try {
            LocawebClient.action(Answer.of(tree).object("data"));
        } catch (AnswerShapeException expected) {
            // named refusal
        }
    }
}
