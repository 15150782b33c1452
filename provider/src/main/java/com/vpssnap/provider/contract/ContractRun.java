package com.vpssnap.provider.contract;

import java.time.Duration;

/**
 * What one run of the suite shares across clouds.
 *
 * @param name the snapshot name it makes on each cloud, vpssnap-contract-&lt;UTC timestamp&gt;
 * @param patience how long a wait may take before its check fails
 * @param every how often a wait looks again
 */
record ContractRun(String name, Duration patience, Duration every, ContractReport report) {
}
