/**
 * Configuration: YAML defaults, the user's file, {@code ${ENV:default}} substitution and {@code --set} overrides,
 * bound once at start-up into records that validate themselves and name the bad setting when they refuse.
 */
package io.archivesync.core.config;
