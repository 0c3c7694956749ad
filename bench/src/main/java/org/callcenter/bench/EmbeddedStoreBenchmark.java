package org.callcenter.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.callcenter.store.h2.FastH2Backend;

/**
 * The embedded MongoDB-wire store alone, through the real driver: the stock mongo-java-server H2
 * backend against {@link FastH2Backend} (typed maps), side by side in one JVM, each on its own
 * file. Loads N ticket-like documents (~2 KB: nested documents, dates, arrays), then times single
 * inserts, random {@code _id} finds, {@code _id $in} batches of 1,000, {@code $set} updates by
 * {@code _id} and a full scan. Prints ops/s per phase and backend.
 *
 * <p>System properties: {@code -Ddocs=200000 -Dops=5000 -Dbackends=stock,fast}.
 */
public final class EmbeddedStoreBenchmark {
    private static final String[] WORDS = {
        "pump", "seal", "leak", "noise", "heater", "valve", "customer", "reports", "oil", "pressure", "after", "visit"
    };

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("docs", 200_000);
        int ops = Integer.getInteger("ops", 5_000);
        String[] backends = System.getProperty("backends", "stock,fast").split(",");
        System.out.printf("docs=%d ops=%d (ops/s; higher is better)%n", docs, ops);
        for (String name : backends) run(name.trim(), docs, ops);
    }

    private static void run(String name, int docs, int ops) throws Exception {
        Path dir = Files.createTempDirectory("store-bench-" + name);
        String file = dir.resolve("bench.mv.db").toString();
        Function<String, de.bwaldvogel.mongo.MongoBackend> open = switch (name) {
            case "stock" -> H2Backend::new;
            case "fast" -> FastH2Backend::open;
            default -> throw new IllegalArgumentException("backend: stock or fast, not " + name);
        };
        MongoServer server = new MongoServer(open.apply(file));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> tickets = client.getDatabase("bench").getCollection("tickets");
            Random random = new Random(42);
            long t = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < docs; i++) {
                batch.add(ticket(i, random));
                if (batch.size() == 500) {
                    tickets.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) tickets.insertMany(batch);
            report(name, "load (insertMany 500)", docs, t);

            t = System.nanoTime();
            for (int i = 0; i < ops; i++) tickets.insertOne(ticket(docs + i, random));
            report(name, "insertOne", ops, t);
            int total = docs + ops;

            t = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                if (tickets.find(Filters.eq("_id", id(random.nextInt(total)))).first() == null)
                    throw new IllegalStateException("missing document");
            }
            report(name, "find by _id", ops, t);

            int batches = Math.max(1, ops / 250);
            t = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 1000; i++) ids.add(id(random.nextInt(total)));
                int n = 0;
                for (Document ignored : tickets.find(Filters.in("_id", ids))) n++;
                if (n == 0) throw new IllegalStateException("no documents for $in");
            }
            report(name, "$in 1000 _id (docs/s)", batches * 1000, t);

            t = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                long matched = tickets.updateOne(
                                Filters.eq("_id", id(random.nextInt(total))),
                                Updates.combine(
                                        Updates.set("state", "in_progress"), Updates.set("updatedAt", new Date(i))))
                        .getMatchedCount();
                if (matched != 1) throw new IllegalStateException("update matched " + matched);
            }
            report(name, "$set by _id", ops, t);

            t = System.nanoTime();
            long count = tickets.countDocuments(Filters.eq("category", "leak"));
            report(name, "full scan (docs/s, " + count + " matched)", total, t);
        } finally {
            server.shutdownNow();
        }
        System.out.printf("%-6s file size %d MB%n", name, Files.size(Path.of(file)) >> 20);
        Files.delete(Path.of(file)); // hundreds of MB per run
        Files.delete(dir);
    }

    static String id(int i) {
        return String.format("SR-2026-%07d", i);
    }

    private static Document ticket(int i, Random random) {
        Date opened = new Date(1_767_225_600_000L + i * 60_000L);
        List<Document> notes = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            notes.add(new Document("at", new Date(opened.getTime() + n * 3_600_000L))
                    .append("by", "agent-" + random.nextInt(200))
                    .append("text", sentence(random, 30)));
        }
        return new Document("_id", id(i))
                .append("customerId", "C" + random.nextInt(50_000))
                .append("phone", "139" + (10_000_000 + random.nextInt(89_999_999)))
                .append("category", WORDS[random.nextInt(4)].equals("leak") ? "leak" : "fault")
                .append("state", "open")
                .append("priority", random.nextInt(4))
                .append("openedAt", opened)
                .append(
                        "address",
                        new Document("city", "Shanghai")
                                .append("street", sentence(random, 4))
                                .append("geo", List.of(121.4 + random.nextDouble(), 31.2 + random.nextDouble())))
                .append(
                        "installation",
                        new Document("product", "pump-" + random.nextInt(8))
                                .append("serial", "SN" + random.nextLong())
                                .append("installedAt", new Date(opened.getTime() - 86_400_000L * random.nextInt(900))))
                .append("tags", List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]))
                .append("description", sentence(random, 40))
                .append("notes", notes);
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++)
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        return sb.toString();
    }

    private static void report(String backend, String phase, long n, long startNanos) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-6s %-34s %10.0f ops/s  (%d in %.1f s)%n", backend, phase, n / s, n, s);
    }
}
