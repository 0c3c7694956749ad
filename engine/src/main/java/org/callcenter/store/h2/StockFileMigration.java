package org.callcenter.store.h2;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time move of a file written by the stock H2 backend (Java-serialized maps) to the
 * {@link FastH2Backend} format. The copy goes to a {@code .partial} file that is renamed when
 * complete, so a crash mid-way redoes it on the next start; the old file is kept as
 * {@code <name>.migrated}.
 */
public final class StockFileMigration {
    private static final Logger log = LoggerFactory.getLogger(StockFileMigration.class);

    private StockFileMigration() {}

    /** Migrates {@code oldFile} into {@code newFile} when only the old one exists; returns whether it did. */
    public static boolean migrateIfNeeded(Path oldFile, Path newFile) {
        if (Files.exists(newFile) || !Files.exists(oldFile)) return false;
        Path partial = newFile.resolveSibling(newFile.getFileName() + ".partial");
        Path kept = oldFile.resolveSibling(oldFile.getFileName() + ".migrated");
        try {
            Files.deleteIfExists(partial);
            log.info("MongoDB: migrating the embedded store {} to the typed format {}", oldFile, newFile);
            long docs = StoreCopy.copy(new H2Backend(oldFile.toString()), FastH2Backend.open(partial.toString()));
            Files.move(partial, newFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(oldFile, kept, StandardCopyOption.REPLACE_EXISTING);
            log.info("MongoDB: migrated {} documents to {}; the old file is kept as {}", docs, newFile, kept);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate " + oldFile + " to " + newFile, e);
        }
    }
}
