/** The layout of archives we mirror, starting with Binance's public market-data archive. */
package io.archivesync.core.archive;
