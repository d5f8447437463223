package io.fedsearch.history.internal;

import io.fedsearch.history.QueryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write-ahead journal of query records in a local directory, so that a record whose search has answered survives
 * the process being killed (SIGKILL, the OOM killer) before the {@link HistoryWriter} commits it.
 * <ul>
 * <li>{@link #append} writes the record as one JSON line with a single {@code write(2)} to the current segment
 * before the search answers. No fsync: once written, the bytes are in the OS page cache, which outlives the
 * process (not the machine: a power loss can lose the last seconds).</li>
 * <li>Segments are files {@code <instance>-<seq>.journal}; a new one is begun every {@code journal-segment-records}
 * records or {@code journal-segment-age}. A sealed segment is deleted once every record in it is {@link #done}
 * (committed, or dropped as the writer drops it).</li>
 * <li>Each process holds an exclusive lock on {@code <instance>.lock}. At start, segments whose instance lock is
 * free belong to a process that has died: {@link #claimLeftovers} takes that lock and returns their records for
 * the writer to store (those already stored skipped), then {@link Leftover#discard} deletes them. Several
 * processes may share the directory; none reads a live one's segments.</li>
 * </ul>
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String SEGMENT = ".journal";
    private static final String LOCK = ".lock";
    /** Its own mapper: the file format must not follow the web API's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] NEWLINE = {'\n'};

    private final Path dir;
    private final int segmentRecords;
    private final long segmentAgeNanos;
    private final String instance;
    private final FileChannel lockChannel;
    private final Path lockFile;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Map<Long, Segment> segmentOf = new ConcurrentHashMap<>();
    /** Segments not deleted yet, whose files are open. */
    private final Set<Segment> live = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private Segment current;
    private long nextSeq;
    private boolean closed;

    private Journal(Path dir, int segmentRecords, long segmentAgeNanos) throws IOException {
        this.dir = dir;
        this.segmentRecords = segmentRecords;
        this.segmentAgeNanos = segmentAgeNanos;
        Files.createDirectories(dir);
        // Time first so that a listing shows instances in start order; the rest makes the name unique.
        this.instance = System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.lockFile = dir.resolve(instance + LOCK);
        this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (lockChannel.tryLock() == null) throw new IOException("cannot lock " + lockFile);
    }

    /** Opens a new instance in {@code settings.journal()}; fails the start naming the key when it cannot. */
    static Journal open(JournalProperties settings) {
        Path dir = Path.of(settings.journal()).toAbsolutePath().normalize();
        try {
            return new Journal(dir, settings.journalSegmentRecords(), settings.journalSegmentAge().toNanos());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("fedsearch.history.journal: cannot write the journal in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    Path directory() {
        return dir;
    }

    /**
     * Writes the record before its search answers. Never throws: a failing disk costs the record its protection
     * (logged once), not its search.
     */
    void append(QueryRecord record) {
        byte[] line;
        try {
            line = JSON.writeValueAsBytes(record);
        } catch (JacksonException e) {
            failed(record, e);
            return;
        }
        ByteBuffer[] buffers = {ByteBuffer.wrap(line), ByteBuffer.wrap(NEWLINE)};
        Segment segment = null;
        appendLock.lock();
        try {
            if (closed) return;
            segment = currentSegment();
            segment.appended++;
            segment.outstanding.incrementAndGet();
            segmentOf.put(record.queryId(), segment);
            // One gathering write: a line is whole in the page cache or (on a full disk) cut, which replay skips.
            while (buffers[1].hasRemaining()) segment.channel.write(buffers);
        } catch (IOException | UncheckedIOException e) {
            if (segment != null) done(record.queryId());
            failed(record, e);
        } finally {
            appendLock.unlock();
        }
    }

    /** The record is committed (or given up as the writer gives it up): its segment may go once all of it is. */
    void done(long queryId) {
        Segment segment = segmentOf.remove(queryId);
        if (segment != null && segment.outstanding.decrementAndGet() == 0 && segment.sealed) segment.delete();
    }

    /** Records kept and not yet done (for tests and the log). */
    int outstanding() {
        return segmentOf.size();
    }

    /** Segment files now in the directory, this instance's and others'. */
    List<Path> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SEGMENT)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The segments left by processes that are gone, each group locked for this process until discarded. Reads
     * files only, never the database.
     */
    List<Leftover> claimLeftovers() {
        var byInstance = new TreeMap<String, List<Path>>();
        for (Path segment : segments()) {
            String name = segment.getFileName().toString();
            int dash = name.lastIndexOf('-');
            if (dash <= 0) continue;
            String owner = name.substring(0, dash);
            if (!owner.equals(instance)) byInstance.computeIfAbsent(owner, _ -> new ArrayList<>()).add(segment);
        }
        removeDeadLocksWithoutSegments(byInstance.keySet());
        var leftovers = new ArrayList<Leftover>();
        byInstance.forEach((owner, segments) -> {
            Leftover leftover = claim(owner, segments);
            if (leftover != null) leftovers.add(leftover);
        });
        return leftovers;
    }

    /** A process killed with nothing outstanding leaves only its lock file. */
    private void removeDeadLocksWithoutSegments(Set<String> withSegments) {
        List<Path> locks;
        try (Stream<Path> files = Files.list(dir)) {
            locks = files.filter(p -> p.getFileName().toString().endsWith(LOCK)).toList();
        } catch (IOException e) {
            return;
        }
        for (Path lock : locks) {
            String name = lock.getFileName().toString();
            String owner = name.substring(0, name.length() - LOCK.length());
            if (owner.equals(instance) || withSegments.contains(owner)) continue;
            Leftover dead = claim(owner, List.of());
            if (dead != null) dead.discard();
        }
    }

    private Leftover claim(String owner, List<Path> segments) {
        Path ownerLock = dir.resolve(owner + LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(ownerLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
        } catch (OverlappingFileLockException e) {
            // Held in this JVM: another instance on the same directory is alive.
            closeQuietly(channel);
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            log.warn("journal segments of {} left alone: cannot lock {}: {}", owner, ownerLock, e.getMessage());
            return null;
        }
        var records = new LinkedHashMap<Long, QueryRecord>();
        var ordered = new ArrayList<>(segments);
        ordered.sort(Comparator.comparingLong(Journal::sequence));
        for (Path segment : ordered) read(segment, records);
        return new Leftover(ownerLock, channel, List.copyOf(ordered), List.copyOf(records.values()));
    }

    private static void read(Path segment, Map<Long, QueryRecord> into) {
        try (Stream<String> lines = Files.lines(segment, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                try {
                    QueryRecord record = JSON.readValue(line, QueryRecord.class);
                    into.put(record.queryId(), record);
                } catch (JacksonException e) {
                    // The last line of a process killed in mid-write, or of a full disk.
                    log.warn("journal {}: an unreadable line skipped: {}", segment.getFileName(), e.getOriginalMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("journal {}: cannot be read, kept for a later start: {}", segment, e.getMessage());
        }
    }

    private static long sequence(Path segment) {
        String name = segment.getFileName().toString();
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.length() - SEGMENT.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Closes the current segment (deleted when all of it is done) and releases this instance's lock; what is left
     * is claimed by the next start.
     */
    @Override
    public void close() {
        appendLock.lock();
        try {
            if (closed) return;
            closed = true;
            if (current != null) seal(current);
            // The files of segments still holding records stay for the next start; their descriptors go now.
            for (Segment segment : live) closeQuietly(segment.channel);
            if (segmentOf.isEmpty()) Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            log.warn("journal lock {} not deleted: {}", lockFile, e.getMessage());
        } finally {
            closeQuietly(lockChannel);
            appendLock.unlock();
        }
    }

    /** Under {@link #appendLock}. */
    private Segment currentSegment() throws IOException {
        if (current != null && current.appended < segmentRecords
                && System.nanoTime() - current.openedNanos < segmentAgeNanos) {
            return current;
        }
        if (current != null) seal(current);
        Path path = dir.resolve(instance + "-" + nextSeq++ + SEGMENT);
        current = new Segment(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), live);
        live.add(current);
        return current;
    }

    private static void seal(Segment segment) {
        segment.sealed = true;
        if (segment.outstanding.get() == 0) segment.delete();
    }

    private void failed(QueryRecord record, Exception e) {
        if (failureLogged.compareAndSet(false, true)) {
            log.error("journal {} not written (query {} and later ones are not protected against a crash until it"
                    + " works again): {}", dir, record.queryId(), e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it that could be lost
        }
    }

    /** One segment file: records written to it and records not yet done. */
    private static final class Segment {
        final Path path;
        final FileChannel channel;
        final long openedNanos = System.nanoTime();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicBoolean deleted = new AtomicBoolean();
        private final Set<Segment> live;
        int appended;
        volatile boolean sealed;

        Segment(Path path, FileChannel channel, Set<Segment> live) {
            this.path = path;
            this.channel = channel;
            this.live = live;
        }

        /** Idempotent: the writer's last done and the appender's seal may both find it finished. */
        void delete() {
            if (!deleted.compareAndSet(false, true)) return;
            live.remove(this);
            closeQuietly(channel);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("journal segment {} not deleted: {}", path, e.getMessage());
            }
        }
    }

    /** The segments of a process that is gone, locked by this one, and their records (oldest first). */
    record Leftover(Path lockFile, FileChannel lock, List<Path> segments, List<QueryRecord> records) {

        /** Every record is stored: deletes the segments, then the lock. */
        void discard() {
            try {
                for (Path segment : segments) Files.deleteIfExists(segment);
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                log.warn("journal segments {} not deleted (they will be checked again at the next start): {}",
                        segments, e.getMessage());
            } finally {
                closeQuietly(lock);
            }
        }

        /** Leaves the segments for a later start. */
        void release() {
            closeQuietly(lock);
        }
    }
}
