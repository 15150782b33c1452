package com.vpssnap.provider.core;

/**
 * SnapshotLifecycleTest's scenarios in the third-cloud run, where the lifecycle matrix
 * (testsupport.LifecycleCases) holds the test clouds: Acme gets its place with no edit there.
 */
class SnapshotLifecycleThirdCloudTest extends SnapshotLifecycleTest {
}
