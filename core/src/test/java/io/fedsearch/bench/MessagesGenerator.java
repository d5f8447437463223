package io.fedsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic concierge-style messages in the seed "Aurora" shape, always the same for the same seed.
 * <ul>
 *   <li>{@code sample PATH}: the bundled data set (src/main/resources/messages/sample.json): 3,349 messages of one
 *   sentence from 10 members, seed 2024.</li>
 *   <li>{@code bench COUNT PATH}: COUNT messages of 5 to 30 words (one to several sentences), seed 7.</li>
 * </ul>
 * Cities such as Paris recur; some text is not ASCII (Zürich, São Paulo, İstanbul, Greek, an emoji).
 */
public final class MessagesGenerator {

    public record Item(String id, String userId, String userName, String timestamp, String message) {
    }

    public static final int SAMPLE_SIZE = 3_349;
    public static final long SAMPLE_SEED = 2024;
    public static final long BENCH_SEED = 7;

    private static final String[] USERS = {"Sophia Al-Farsi", "Fernando Pessoa", "Layla Kawaguchi", "Vikram Desai",
            "Thiago Monteiro", "Armand Dupont", "Hans Müller", "Lorenzo Cavalli", "Lily O'Sullivan", "Amina Van Den Berg"};
    private static final String[] CITIES = {"Paris", "London", "New York", "Tokyo", "Zürich", "São Paulo", "Kraków",
            "İstanbul", "Reykjavík", "Montréal", "Dubai", "Singapore", "Milan", "Barcelona", "Athens", "Kyoto",
            "Marrakech", "Cape Town", "Sydney", "Buenos Aires", "Lisbon", "Vienna", "Monaco", "Santorini"};
    private static final String[] RESTAURANTS = {"Le Jules Verne", "Noma", "Café de Flore", "El Celler de Can Roca",
            "Sukiyabashi Jiro", "Osteria Francescana", "Ταβέρνα ΟΔΥΣΣΕΑΣ", "Crème de la Crème", "The Ivy", "Nobu",
            "Septime", "Gaggan", "Mirazur", "Steirereck"};
    private static final String[] HOTELS = {"Ritz", "Four Seasons", "Mandarin Oriental", "Hôtel Plaza Athénée", "Aman",
            "Peninsula", "Bulgari Hotel", "Claridge's", "Belmond Copacabana Palace"};
    private static final String[] EVENTS = {"opera", "Monaco Grand Prix", "Wimbledon final", "Met Gala", "fashion week",
            "art fair", "jazz festival", "Champions League final", "ballet premiere", "charity gala"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] CUISINES = {"Italian", "Japanese", "French", "Lebanese", "Peruvian", "vegan",
            "seafood", "Thai", "Georgian", "Korean"};
    private static final String[] LANGUAGES = {"Mandarin", "Portuguese", "Arabic", "German", "Japanese", "Russian"};
    private static final String[] PLACES = {"the Amalfi Coast", "the Greek islands", "Lake Como", "the Maldives",
            "the French Riviera", "Mykonos", "the Dolomites", "Bora Bora"};
    private static final String[] TEMPLATES = {
            "Please book a private jet to {city} for this {day}.",
            "I need two tickets to the {event} in {city} next {day}.",
            "Can you recommend a good {cuisine} restaurant in {city}?",
            "Reserve a table for {n} at {restaurant} on {month} {date}.",
            "Change my car service to {hour} tomorrow, please.",
            "I'd like a suite at the {hotel} in {city} from {month} {date} for {n} nights.",
            "Could you arrange a yacht charter around {place} in {month}?",
            "Please update my phone number to {phone}.",
            "What's the dress code for the {event} in {city}?",
            "Arrange a spa day at the {hotel} for my partner and me.",
            "Send flowers to my mother in {city} on {month} {date}.",
            "My membership number is {membership}; please confirm my last payment.",
            "Book a chef's table at {restaurant} for our anniversary.",
            "Find me a personal shopper in {city} for {day} afternoon.",
            "Is it possible to get a late checkout at the {hotel}?",
            "Please cancel my dinner reservation at {restaurant}.",
            "I need a translator who speaks {language} for a meeting in {city}.",
            "Organise a wine tasting in {place} for {n} people.",
            "Book a helicopter transfer from {city} airport to {place}.",
            "Thank you for the wonderful evening at {restaurant}!",
            "I was charged twice for my stay at the {hotel}, please refund one payment.",
            "Can you get us into the {event} after-party?",
            "Please have a bottle of champagne waiting in my room at the {hotel}.",
            "We land in {city} at {hour}; please have a driver waiting.",
            "Any chance of a last-minute table at {restaurant} tonight?",
            "Merci beaucoup, the tour of {city} was perfect.",
            "Grüße aus {city}! Please extend my car rental by {n} days.",
            "Please move my flight to {city} to {day} morning.",
            "Could you find a dog sitter in {city} for {n} days?",
            "Book me a tennis lesson at the {hotel} on {day}.",
            "Everything was perfect, thank you! 🎉",
            "Can you schedule a PCR test before my flight to {city}?",
            "Please send me the latest itinerary for {city}.",
    };

    private MessagesGenerator() {
    }

    /** The bundled data set: one sentence per message. */
    public static List<Item> sample() {
        return generate(SAMPLE_SIZE, SAMPLE_SEED, 0, 0);
    }

    /**
     * {@code count} messages. With {@code minWords} &gt; 0, each message is made of sentences until it has a word
     * count drawn between minWords and maxWords, cut to that count; else each message is one sentence.
     */
    public static List<Item> generate(int count, long seed, int minWords, int maxWords) {
        var random = new SplittableRandom(seed);
        var userIds = new String[USERS.length];
        for (int i = 0; i < USERS.length; i++) userIds[i] = uuid(random).toString();
        long start = Instant.parse("2024-11-01T00:00:00Z").getEpochSecond();
        long span = 365L * 24 * 3600;
        var items = new ArrayList<Item>(count);
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            int user = random.nextInt(USERS.length);
            Instant at = Instant.ofEpochSecond(start + random.nextLong(span), random.nextInt(1_000_000) * 1000L);
            String message = minWords <= 0 ? sentence(random) : words(random, minWords + random.nextInt(maxWords - minWords + 1));
            items.add(new Item(uuid(random).toString(), userIds[user], USERS[user], format.format(at), message));
        }
        return items;
    }

    private static String words(SplittableRandom random, int wanted) {
        var text = new StringBuilder();
        int words = 0;
        while (words < wanted) {
            for (String word : sentence(random).split(" ")) {
                if (words == wanted) break;
                if (!text.isEmpty()) text.append(' ');
                text.append(word);
                words++;
            }
        }
        return text.toString();
    }

    private static String sentence(SplittableRandom random) {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) break;
            int close = template.indexOf('}', open);
            out.append(template, at, open).append(fill(template.substring(open + 1, close), random));
            at = close + 1;
        }
        return out.append(template.substring(at)).toString();
    }

    private static String fill(String slot, SplittableRandom random) {
        return switch (slot) {
            case "city" -> pick(CITIES, random);
            case "restaurant" -> pick(RESTAURANTS, random);
            case "hotel" -> pick(HOTELS, random);
            case "event" -> pick(EVENTS, random);
            case "day" -> pick(DAYS, random);
            case "month" -> pick(MONTHS, random);
            case "cuisine" -> pick(CUISINES, random);
            case "language" -> pick(LANGUAGES, random);
            case "place" -> pick(PLACES, random);
            case "n" -> Integer.toString(2 + random.nextInt(9));
            case "date" -> Integer.toString(1 + random.nextInt(28));
            case "hour" -> (1 + random.nextInt(12)) + (random.nextBoolean() ? " AM" : " PM");
            case "phone" -> "+1-" + (200 + random.nextInt(800)) + "-555-" + (1000 + random.nextInt(9000));
            case "membership" -> Integer.toString(100_000 + random.nextInt(900_000));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The Aurora answer holding every item: {"total":N,"items":[...]}. */
    public static void write(List<Item> items, OutputStream out) {
        var json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("total", items.size());
        ArrayNode array = root.putArray("items");
        for (Item item : items) {
            array.addObject().put("id", item.id()).put("user_id", item.userId()).put("user_name", item.userName())
                    .put("timestamp", item.timestamp()).put("message", item.message());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    public static void main(String[] args) throws IOException {
        List<Item> items = switch (args[0]) {
            case "sample" -> sample();
            case "bench" -> generate(Integer.parseInt(args[1]), BENCH_SEED, 5, 30);
            default -> throw new IllegalArgumentException("sample PATH | bench COUNT PATH");
        };
        Path path = Path.of(args[args.length - 1]);
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            write(items, out);
        }
        System.out.println("wrote " + items.size() + " messages to " + path);
    }
}
