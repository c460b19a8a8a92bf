/**
 * What an operator watches: every service's meters in one Prometheus registry ({@link Observability}), served
 * with the liveness and readiness answers at {@code /metrics}, {@code /health/live} and {@code /health/ready}
 * ({@link ObservabilityHttp}), on the service's own small endpoint ({@link StatusEndpoint}) or the processor's status
 * endpoint. Meter names and labels are listed in docs/observability.md.
 */
package io.archivesync.core.observe;
