import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's load (run by src/bench/soak.sh, not a test): CONNECTIONS workers, each on its own HTTP/1.1
 * connection, for DURATION seconds, each picking its next request at random from a mix of what the
 * example application's users do, and checking every answer against what that kind may answer:
 *
 * <pre>
 *   read          GET /api/posts/{id}, anonymous                      200
 *   list          GET /api/posts?limit=20&amp;offset=…, anonymous          200
 *   read-basic    GET /api/posts/{id} with Basic                      200
 *   read-bearer   GET /api/posts/{id} with a bearer token             200
 *   create        POST /api/posts with Basic, then delete it           201
 *   delete        DELETE the post just created                         204
 *   conditional   GET a shared post, PUT it with If-Match              200, 412 (lost the race), 429 (throttled)
 *   update        PUT a shared post without If-Match                  200, 409 (lost the race), 429 (throttled)
 *   token         POST /api/oauth/token, password grant               200
 *   refresh       POST /api/oauth/token, refresh_token grant          200, 400 (the family was retired:
 *                 of the newest password grant of this worker           32 workers share a user, who
 *                                                                       keeps 20 logins per client)
 * </pre>
 *
 * Prints one JSON object: per kind the count, the statuses seen, the unexpected answers (with a sample),
 * and the latency p50, p99 and max, overall and over the first and the last tenth of the run.
 *
 * <p>java Soak.java BASE_URL DURATION_SECONDS CONNECTIONS FIRST_POST_ID LAST_POST_ID
 */
public class Soak {

    record Kind(String name, int weight, Set<Integer> expected) {}

    static final List<Kind> KINDS = List.of(
            new Kind("read", 30, Set.of(200)),
            new Kind("list", 10, Set.of(200)),
            new Kind("read-basic", 15, Set.of(200)),
            new Kind("read-bearer", 12, Set.of(200)),
            new Kind("create", 10, Set.of(201)),
            new Kind("delete", 0, Set.of(204)),
            new Kind("conditional", 10, Set.of(200, 412, 429)),
            new Kind("update", 8, Set.of(200, 409, 429)),
            new Kind("token", 5, Set.of(200)),
            new Kind("refresh", 5, Set.of(200, 400)));

    static final String[][] AUTHORS = {{"testuser", "foobar"}, {"otheruser", "barfoo"}};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    static String base;
    static long firstId;
    static long lastId;
    static long startNanos;
    static long endNanos;
    /** Per author, posts the update kinds race for. */
    static final Map<String, List<Long>> SHARED = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        long seconds = Long.parseLong(args[1]);
        int connections = Integer.parseInt(args[2]);
        firstId = Long.parseLong(args[3]);
        lastId = Long.parseLong(args[4]);

        HttpClient setup = client();
        for (String[] author : AUTHORS) {
            List<Long> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> created = send(setup, post("api/posts", json("Shared " + i), author));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("setup: " + created.statusCode() + " " + created.body());
                }
                posts.add(id(created.body()));
            }
            SHARED.put(author[0], posts);
        }

        startNanos = System.nanoTime();
        endNanos = startNanos + Duration.ofSeconds(seconds).toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            worker.start();
        }
        for (Worker worker : workers) {
            worker.join();
        }
        System.out.println(report(workers, seconds));
    }

    static final class Worker extends Thread {

        final Map<String, long[]> samples = new TreeMap<>();
        final Map<String, Integer> counts = new TreeMap<>();
        final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        final Map<String, Integer> unexpected = new TreeMap<>();
        final Map<String, String> sample = new TreeMap<>();
        final HttpClient client = client();
        final String[] author;
        String bearer;
        long bearerSince;
        String refresh;

        Worker(int index) {
            super("soak-" + index);
            author = AUTHORS[index % AUTHORS.length];
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int total = KINDS.stream().mapToInt(Kind::weight).sum();
            while (System.nanoTime() < endNanos) {
                int pick = random.nextInt(total);
                Kind kind = null;
                for (Kind k : KINDS) {
                    pick -= k.weight();
                    if (pick < 0) {
                        kind = k;
                        break;
                    }
                }
                try {
                    perform(kind, random);
                } catch (IOException e) {
                    record(kind.name(), -1, 0, e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void perform(Kind kind, ThreadLocalRandom random) throws IOException, InterruptedException {
            long post = random.nextLong(firstId, lastId + 1);
            switch (kind.name()) {
                case "read" -> timed("read", get("api/posts/" + post, null));
                case "list" -> timed("list", get("api/posts?limit=20&offset=" + random.nextInt(1000), null));
                case "read-basic" -> timed("read-basic", get("api/posts/" + post, basic(author)));
                case "read-bearer" -> {
                    if (bearer == null || System.nanoTime() - bearerSince > Duration.ofMinutes(4).toNanos()) {
                        grant();
                    }
                    if (bearer != null) {
                        timed("read-bearer", get("api/posts/" + post, "Bearer " + bearer));
                    }
                }
                case "create" -> {
                    HttpResponse<String> created = timed("create", post("api/posts", json("Soak"), author));
                    if (created != null && created.statusCode() == 201) {
                        timed("delete", request("api/posts/" + id(created.body()), author).DELETE().build());
                    }
                }
                case "conditional" -> {
                    long shared = pickShared(random);
                    HttpResponse<String> read = send(client, get("api/posts/" + shared, basic(author)));
                    String etag = read.headers().firstValue("ETag").orElse("\"none\"");
                    timed("conditional", request("api/posts/" + shared, author)
                            .header("If-Match", etag)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json("Conditional " + random.nextInt())))
                            .build());
                }
                case "update" -> timed("update", request("api/posts/" + pickShared(random), author)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json("Updated " + random.nextInt())))
                        .build());
                case "token" -> grant();
                case "refresh" -> {
                    if (refresh == null) {
                        grant();
                    } else {
                        tokens(timed("refresh", tokenRequest("grant_type=refresh_token&refresh_token=" + refresh)));
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        long pickShared(ThreadLocalRandom random) {
            List<Long> posts = SHARED.get(author[0]);
            return posts.get(random.nextInt(posts.size()));
        }

        void grant() throws IOException, InterruptedException {
            tokens(timed("token", tokenRequest("grant_type=password&username=" + author[0] + "&password=" + author[1])));
        }

        HttpRequest tokenRequest(String form) {
            return HttpRequest.newBuilder(URI.create(base + "api/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + encode("example-client:example-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }

        /** Keeps the tokens of a token response; a refused refresh token is dropped. */
        void tokens(HttpResponse<String> token) {
            if (token == null) {
                return;
            }
            if (token.statusCode() != 200) {
                refresh = null;
                return;
            }
            Matcher access = TOKEN.matcher(token.body());
            if (access.find()) {
                bearer = access.group(1);
                bearerSince = System.nanoTime();
            }
            Matcher next = REFRESH.matcher(token.body());
            refresh = next.find() ? next.group(1) : null;
        }

        HttpResponse<String> timed(String kind, HttpRequest request) throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = send(client, request);
            } catch (IOException e) {
                record(kind, -1, start, e.toString());
                return null;
            }
            record(kind, response.statusCode(), start, response.body());
            return response;
        }

        void record(String kind, int status, long start, String body) {
            long now = System.nanoTime();
            if (start > 0 && now <= endNanos) {
                long[] list = samples.computeIfAbsent(kind, k -> new long[1024]);
                int n = counts.getOrDefault(kind, 0);
                if (n + 1 >= list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    samples.put(kind, list);
                }
                // high bits: when it started (ms into the run); low bits: how long it took (us)
                list[n] = (((start - startNanos) / 1_000_000) << 32) | Math.min((now - start) / 1_000, 0xFFFFFFFFL);
                counts.put(kind, n + 1);
            }
            statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            Kind declared = KINDS.stream().filter(k -> k.name().equals(kind)).findFirst().orElseThrow();
            if (!declared.expected().contains(status)) {
                unexpected.merge(kind, 1, Integer::sum);
                sample.putIfAbsent(kind, status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
            }
        }

        HttpRequest get(String path, String authorization) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.GET().build();
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder request(String path, String[] author) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", basic(author));
    }

    static HttpRequest post(String path, String body, String[] author) {
        return request(path, author)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String json(String title) {
        return "{\"title\": \"" + title + "\", \"content\": \"Written by the soak.\"}";
    }

    static long id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String basic(String[] author) {
        return "Basic " + encode(author[0] + ":" + author[1]);
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String report(List<Worker> workers, long seconds) {
        long runMs = seconds * 1000;
        StringBuilder out = new StringBuilder("{\"seconds\":" + seconds + ",\"kinds\":{");
        boolean firstKind = true;
        for (Kind kind : KINDS) {
            String name = kind.name();
            int n = 0;
            for (Worker w : workers) {
                n += w.counts.getOrDefault(name, 0);
            }
            long[] all = new long[n];
            int at = 0;
            Map<Integer, Integer> statuses = new TreeMap<>();
            int unexpected = 0;
            String sample = null;
            for (Worker w : workers) {
                int count = w.counts.getOrDefault(name, 0);
                if (count > 0) {
                    System.arraycopy(w.samples.get(name), 0, all, at, count);
                    at += count;
                }
                w.statuses.getOrDefault(name, Map.of()).forEach((s, c) -> statuses.merge(s, c, Integer::sum));
                unexpected += w.unexpected.getOrDefault(name, 0);
                if (sample == null) {
                    sample = w.sample.get(name);
                }
            }
            out.append(firstKind ? "" : ",").append('"').append(name).append("\":{");
            firstKind = false;
            out.append("\"count\":").append(n);
            out.append(",\"statuses\":{");
            boolean firstStatus = true;
            for (var entry : statuses.entrySet()) {
                out.append(firstStatus ? "" : ",").append('"').append(entry.getKey()).append("\":").append(entry.getValue());
                firstStatus = false;
            }
            out.append("},\"unexpected\":").append(unexpected);
            if (sample != null) {
                out.append(",\"sample\":\"").append(escape(sample)).append('"');
            }
            out.append(",\"all\":").append(percentiles(all, 0, Long.MAX_VALUE));
            out.append(",\"first_tenth\":").append(percentiles(all, 0, runMs / 10));
            out.append(",\"last_tenth\":").append(percentiles(all, runMs - runMs / 10, Long.MAX_VALUE));
            out.append('}');
        }
        return out.append("}}").toString();
    }

    /** p50, p99 and max in milliseconds of the samples that started in [fromMs, toMs). */
    static String percentiles(long[] samples, long fromMs, long toMs) {
        long[] latencies = Arrays.stream(samples)
                .filter(s -> (s >>> 32) >= fromMs && (s >>> 32) < toMs)
                .map(s -> s & 0xFFFFFFFFL)
                .sorted()
                .toArray();
        if (latencies.length == 0) {
            return "null";
        }
        return String.format(
                "{\"n\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}",
                latencies.length,
                latencies[(int) Math.min(latencies.length - 1, Math.floor(latencies.length * 0.50))] / 1000.0,
                latencies[(int) Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] / 1000.0,
                latencies[latencies.length - 1] / 1000.0);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "");
    }
}
