package io.archivesync.storage.file;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Classifies file-system failures once, into the kinds every store uses. A full disk or an I/O error on a network
 * file system may pass (TRANSIENT); a read-only file system or a missing atomic rename will not (FINAL); a key that
 * names a directory or passes through a file is a request that cannot be carried out (INVALID).
 */
final class FileErrors {

    private FileErrors() {
    }

    static StorageException of(String what, IOException e) {
        ErrorKind kind = kind(e);
        return new StorageException(kind, e.getClass().getSimpleName(), -1, what + ": " + describe(e), e);
    }

    static StorageException invalid(String message) {
        return new StorageException(ErrorKind.INVALID, "Invalid", -1, message, null);
    }

    static StorageException precondition(String message) {
        return new StorageException(ErrorKind.PRECONDITION, "PreconditionFailed", -1, message, null);
    }

    static StorageException notFound(String message) {
        return new StorageException(ErrorKind.NOT_FOUND, "NoSuchFile", -1, message, null);
    }

    static ErrorKind kind(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ErrorKind.NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return ErrorKind.ACCESS;
        }
        if (e instanceof FileAlreadyExistsException) {
            return ErrorKind.PRECONDITION;
        }
        if (e instanceof NotDirectoryException || e instanceof DirectoryNotEmptyException
                || e instanceof FileSystemLoopException || e instanceof NotLinkException) {
            return ErrorKind.INVALID;
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return ErrorKind.FINAL;
        }
        if (e instanceof ClosedChannelException) {
            return ErrorKind.TRANSIENT;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            if (reason.contains("Read-only file system")) {
                return ErrorKind.FINAL;
            }
            if (reason.contains("Not a directory") || reason.contains("Is a directory")
                    || reason.contains("File name too long") || reason.contains("Too many levels of symbolic links")) {
                return ErrorKind.INVALID;
            }
        }
        return ErrorKind.TRANSIENT;
    }

    private static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason() + " (" + fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile())
                + ")"
                : String.valueOf(e.getMessage());
    }
}
