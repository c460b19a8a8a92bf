/** Generated archives laid out like Binance's, for the demo and the tests. */
package io.archivesync.embedded.archive;
