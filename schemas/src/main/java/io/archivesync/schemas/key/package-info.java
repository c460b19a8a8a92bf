/** The record key shared by the requests and results topics, built in one place. */
package io.archivesync.schemas.key;
