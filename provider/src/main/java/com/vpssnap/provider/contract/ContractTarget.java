package com.vpssnap.provider.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the contract suite runs, from the environment: each cloud's endpoint, token and a server
 * it may make one snapshot on. A cloud without its token is skipped; with neither, nothing runs.
 */
public record ContractTarget(String locawebEndpoint, String locawebToken, String locawebServer,
                             String vpsorgEndpoint, String vpsorgToken, Long vpsorgServerId) {

    static final String USAGE = """
            make contract checks that a real endpoint still behaves as the clients and the emulator assume.
            It needs, for each cloud to check:
              Locaweb Cloud: VPSSNAP_LOCAWEB_TOKEN, VPSSNAP_CONTRACT_LOCAWEB_SERVER (a server name, e.g. cpro0299),
                             and VPSSNAP_LOCAWEB_ENDPOINT unless it is https://api-servidores.locaweb.com.br/v1
              VPS.org:       VPSSNAP_VPSORG_TOKEN, VPSSNAP_CONTRACT_VPSORG_SERVER_ID (a server id, e.g. 12345),
                             and VPSSNAP_VPSORG_ENDPOINT unless it is https://admin.vps.org/api/v1
            On each cloud it makes one snapshot named vpssnap-contract-<timestamp> on that server, waits until it is
            ready, deletes it and waits until it is gone (deleted even when a check fails). It never reverts or
            restores a server. Nothing was called.""";

    public static ContractTarget fromEnvironment(Map<String, String> env) {
        String server = blankToNull(env.get("VPSSNAP_CONTRACT_VPSORG_SERVER_ID"));
        return new ContractTarget(
                env.getOrDefault("VPSSNAP_LOCAWEB_ENDPOINT", "https://api-servidores.locaweb.com.br/v1"),
                blankToNull(env.get("VPSSNAP_LOCAWEB_TOKEN")), blankToNull(env.get("VPSSNAP_CONTRACT_LOCAWEB_SERVER")),
                env.getOrDefault("VPSSNAP_VPSORG_ENDPOINT", "https://admin.vps.org/api/v1"),
                blankToNull(env.get("VPSSNAP_VPSORG_TOKEN")), server == null || !server.matches("\\d{1,18}") ? null : Long.parseLong(server));
    }

    boolean locaweb() {
        return locawebToken != null && locawebServer != null;
    }

    boolean vpsorg() {
        return vpsorgToken != null && vpsorgServerId != null;
    }

    /** What is missing for a cloud whose token is set but not its server, or nothing to run at all. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (locawebToken != null && locawebServer == null) {
            problems.add("VPSSNAP_LOCAWEB_TOKEN is set but VPSSNAP_CONTRACT_LOCAWEB_SERVER is not");
        }
        if (vpsorgToken != null && vpsorgServerId == null) {
            problems.add("VPSSNAP_VPSORG_TOKEN is set but VPSSNAP_CONTRACT_VPSORG_SERVER_ID is not a server id");
        }
        if (problems.isEmpty() && !locaweb() && !vpsorg()) {
            problems.add("no cloud to check: neither VPSSNAP_LOCAWEB_TOKEN nor VPSSNAP_VPSORG_TOKEN is set");
        }
        return problems;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "ContractTarget{locaweb=" + locawebEndpoint + " server " + locawebServer + ", vpsorg=" + vpsorgEndpoint
                + " server " + vpsorgServerId + ", tokens hidden}";
    }
}
