package org.callcenter.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.callcenter.customers.Customer;
import org.callcenter.customers.Installation;
import org.callcenter.customers.Region;
import org.callcenter.tickets.Channel;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketEvent;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketStatus;

/**
 * Deterministic synthetic data: the same seed gives the same customers, phones, installations and
 * requests (ticket numbers excepted: they come from the engine's {@link TicketNumbers}, which uses
 * SecureRandom). The plan (ids, phones, which customer owns which ticket numbers) is made up front so
 * that each customer's {@code ticketNumbers} agrees with its tickets' {@code customerId}; documents
 * themselves are built on demand, customer by customer, so the full set is never in memory at once.
 */
final class BenchData {
    private static final HexFormat HEX = HexFormat.of();
    private static final int[] MOBILE_PREFIXES = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 173,
        175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 198, 199
    };

    private record City(String name, String province, String postalPrefix, Region region, int weight) {}

    private static final List<City> CITIES = List.of(
            new City("北京", "北京市", "100", Region.CAPITAL, 30),
            new City("天津", "天津市", "300", Region.NEIGHBOURING, 8),
            new City("廊坊", "河北省", "065", Region.NEIGHBOURING, 5),
            new City("保定", "河北省", "071", Region.NEIGHBOURING, 4),
            new City("石家庄", "河北省", "050", Region.NEIGHBOURING, 3),
            new City("上海", "上海市", "200", Region.OTHER, 10),
            new City("广州", "广东省", "510", Region.OTHER, 6),
            new City("深圳", "广东省", "518", Region.OTHER, 6),
            new City("杭州", "浙江省", "310", Region.OTHER, 5),
            new City("南京", "江苏省", "210", Region.OTHER, 5),
            new City("成都", "四川省", "610", Region.OTHER, 5),
            new City("武汉", "湖北省", "430", Region.OTHER, 4),
            new City("西安", "陕西省", "710", Region.OTHER, 3),
            new City("济南", "山东省", "250", Region.OTHER, 3),
            new City("沈阳", "辽宁省", "110", Region.OTHER, 3));
    private static final int CITY_WEIGHT =
            CITIES.stream().mapToInt(City::weight).sum();

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "桂英", "建华"
    };
    private static final String[] COMPANY_WORDS = {"华信", "恒泰", "鑫源", "永盛", "宏达", "瑞丰", "天成", "金鼎", "新元", "嘉和"};
    private static final String[] COMPANY_KINDS = {"科技有限公司", "酒店", "物业管理有限公司", "餐饮有限公司", "医院", "商贸有限公司", "学校"};
    private static final String[] ROADS = {"建国路", "人民路", "解放路", "中山路", "长安街", "和平路", "朝阳路", "滨河路"};
    private static final String[] ROLES = {"owner", "facility manager", "front desk", "purchasing"};

    private record Product(String name, String[] models, int warrantyMonths) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("Central air conditioner", new String[] {"VRF-200", "VRF-280", "VRF-335"}, 24),
            new Product("Water purifier", new String[] {"RO-75", "RO-400", "RO-800"}, 12),
            new Product("Heat pump", new String[] {"HP-12", "HP-16"}, 36),
            new Product("Commercial dishwasher", new String[] {"DW-3", "DW-5"}, 12),
            new Product("Elevator", new String[] {"EL-1000", "EL-1600"}, 24));

    private static final String[] CATEGORIES = {"repair", "maintenance", "installation", "inquiry", "complaint"};
    private static final String[] DESCRIPTIONS = {
        "不制冷", "漏水", "噪音大", "无法开机", "显示故障代码 E4", "需要定期保养", "滤芯更换", "遥控器失灵", "出水量小", "报价咨询", "上门时间改约", "安装位置调整"
    };

    final long seed;
    final int customers;
    final int tickets;
    final Instant now;
    final ZoneId zone;
    private final String[] customerIds;
    private final String[][] phones;
    private final String[][] ticketNumbers;

    private BenchData(
            long seed,
            int customers,
            int tickets,
            Instant now,
            ZoneId zone,
            String[] customerIds,
            String[][] phones,
            String[][] ticketNumbers) {
        this.seed = seed;
        this.customers = customers;
        this.tickets = tickets;
        this.now = now;
        this.zone = zone;
        this.customerIds = customerIds;
        this.phones = phones;
        this.ticketNumbers = ticketNumbers;
    }

    /**
     * Customer ids, unique phone numbers (1-2 per customer, E.164 Chinese mobiles) and the ticket
     * numbers each customer owns (every ticket goes to a uniformly random customer, so about
     * tickets/customers each, Poisson-distributed).
     */
    static BenchData plan(long seed, int customers, int tickets, int ticketDigits, Instant now, ZoneId zone) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[customers];
        String[][] phones = new String[customers][];
        Set<Long> usedPhones = new HashSet<>(customers * 3);
        for (int i = 0; i < customers; i++) {
            ids[i] = HEX.toHexDigits(rnd.nextLong()).substring(0, 16) + HEX.toHexDigits(i);
            int count = rnd.nextInt(100) < 60 ? 1 : 2;
            phones[i] = new String[count];
            for (int p = 0; p < count; p++) {
                long number;
                do {
                    number = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] * 100_000_000L
                            + rnd.nextInt(100_000_000);
                } while (!usedPhones.add(number));
                phones[i][p] = "+86" + number;
            }
        }
        int[] counts = new int[customers];
        for (int t = 0; t < tickets; t++) counts[rnd.nextInt(customers)]++;
        TicketNumbers generator = new TicketNumbers(ticketDigits);
        Set<String> usedNumbers = new HashSet<>(tickets * 2);
        String[][] numbers = new String[customers][];
        for (int i = 0; i < customers; i++) {
            numbers[i] = new String[counts[i]];
            for (int j = 0; j < counts[i]; j++) {
                String n;
                do n = generator.next();
                while (!usedNumbers.add(n));
                numbers[i][j] = n;
            }
        }
        return new BenchData(seed, customers, tickets, now, zone, ids, phones, numbers);
    }

    int phoneCount() {
        int n = 0;
        for (String[] p : phones) n += p.length;
        return n;
    }

    /** The customer's numbers in E.164. */
    String[] phones(int i) {
        return phones[i];
    }

    private SplittableRandom random(int i, int salt) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (long) i * 1_000_003L + salt);
    }

    Customer customer(int i) {
        SplittableRandom rnd = random(i, 1);
        City city = city(rnd);
        boolean company = rnd.nextInt(100) < 60;
        String person = personName(rnd);
        String name = company ? city.name() + pick(rnd, COMPANY_WORDS) + pick(rnd, COMPANY_KINDS) : person;
        String[] own = phones[i];
        // the contact person is reached on the customer's second number when there is one
        String contactPhone = own[own.length - 1];
        Customer.Contact contact = new Customer.Contact(
                person,
                company ? pick(rnd, ROLES) : "owner",
                List.of(contactPhone),
                rnd.nextInt(100) < 40 ? "c" + i + "@example.cn" : null);
        Customer.Address address = new Customer.Address(
                (1 + rnd.nextInt(300)) + "号 " + pick(rnd, ROADS),
                city.name(),
                city.province(),
                city.postalPrefix() + String.format("%03d", rnd.nextInt(1000)),
                "CN");
        List<String> installationIds =
                installations(i).stream().map(Installation::id).toList();
        Instant created = now.minus(Duration.ofDays(1100 + rnd.nextInt(700)));
        return new Customer(
                customerIds[i],
                name,
                "zh",
                List.of(own),
                List.of(contact),
                address,
                city.region(),
                installationIds,
                List.of(ticketNumbers[i]),
                1,
                created,
                created);
    }

    /** 1-2 installations, installed over the last ~3 years (so some are in warranty, most expired). */
    List<Installation> installations(int i) {
        SplittableRandom rnd = random(i, 2);
        int count = rnd.nextInt(100) < 70 ? 1 : 2;
        List<Installation> out = new ArrayList<>(count);
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int j = 0; j < count; j++) {
            Product product = PRODUCTS.get(rnd.nextInt(PRODUCTS.size()));
            LocalDate installed = today.minusDays(30 + rnd.nextInt(1050));
            String id =
                    HEX.toHexDigits(rnd.nextLong()).substring(0, 14) + HEX.toHexDigits(i) + HEX.toHexDigits((byte) j);
            out.add(new Installation(
                    id,
                    customerIds[i],
                    product.name(),
                    pick(rnd, product.models()),
                    "SN" + installed.getYear() + String.format("%08d", rnd.nextInt(100_000_000)),
                    installed,
                    installed.plusMonths(product.warrantyMonths()),
                    installed.atStartOfDay(zone).toInstant()));
        }
        return out;
    }

    int ticketCount(int i) {
        return ticketNumbers[i].length;
    }

    /** The customer's requests: opened over the last 2 years; most closed or resolved, recent ones more often open. */
    List<Ticket> tickets(int i) {
        String[] numbers = ticketNumbers[i];
        if (numbers.length == 0) return List.of();
        SplittableRandom rnd = random(i, 3);
        Customer customer = customer(i);
        List<Installation> installations = installations(i);
        List<Ticket> out = new ArrayList<>(numbers.length);
        for (String number : numbers) {
            Installation installation = installations.get(rnd.nextInt(installations.size()));
            Instant opened = now.minusSeconds(rnd.nextLong(730L * 86_400));
            boolean recent = Duration.between(opened, now).toDays() < 30;
            TicketStatus status = status(rnd, recent);
            Channel channel = weighted(rnd, Channel.values(), 60, 20, 15, 5);
            String agent = String.format("agent%02d", 1 + rnd.nextInt(40));
            String createdBy = channel == Channel.IVR ? "ivr" : channel == Channel.WEB ? "web" : agent;

            List<TicketEvent> history = new ArrayList<>(5);
            history.add(new TicketEvent(opened, createdBy, TicketEvent.CREATED, "request registered", List.of()));
            Instant t = opened;
            Instant feedbackAt = null;
            Instant resolvedAt = null;
            Instant closedAt = null;
            if (status != TicketStatus.REGISTERED) {
                t = later(t, Duration.ofMinutes(5 + rnd.nextInt(235)));
                feedbackAt = t;
                history.add(new TicketEvent(
                        t,
                        agent,
                        TicketEvent.FEEDBACK,
                        "called the customer back",
                        List.of(change("status", TicketStatus.REGISTERED, TicketStatus.FEEDBACK_GIVEN))));
            }
            if (rnd.nextInt(100) < 30) {
                t = later(t, Duration.ofMinutes(30 + rnd.nextInt(2_000)));
                history.add(
                        new TicketEvent(t, agent, TicketEvent.NOTE, "customer asked for a morning visit", List.of()));
            }
            if (status != TicketStatus.REGISTERED && status != TicketStatus.FEEDBACK_GIVEN) {
                TicketStatus reached = status == TicketStatus.CLOSED ? TicketStatus.RESOLVED : status;
                t = later(t, Duration.ofMinutes(60 + rnd.nextInt(7_000)));
                history.add(new TicketEvent(
                        t,
                        agent,
                        TicketEvent.UPDATED,
                        null,
                        List.of(change("status", TicketStatus.FEEDBACK_GIVEN, reached))));
                if (reached == TicketStatus.RESOLVED) resolvedAt = t;
                if (status == TicketStatus.CLOSED) {
                    t = later(t, Duration.ofMinutes(60 + rnd.nextInt(4_000)));
                    closedAt = t;
                    history.add(new TicketEvent(
                            t,
                            agent,
                            TicketEvent.UPDATED,
                            "closed after return call",
                            List.of(change("status", TicketStatus.RESOLVED, TicketStatus.CLOSED))));
                }
            }
            Customer.Contact contact = customer.contacts().getFirst();
            String phone = customer.phones().get(rnd.nextInt(customer.phones().size()));
            out.add(new Ticket(
                    number,
                    customer.id(),
                    installation.id(),
                    contact.name(),
                    phone,
                    pick(rnd, CATEGORIES),
                    installation.product(),
                    rnd.nextInt(100) < 20 ? Severity.COMPLEX : Severity.GENERAL,
                    pick(rnd, DESCRIPTIONS),
                    channel,
                    weighted(rnd, Escalation.values(), 50, 25, 25),
                    status,
                    status == TicketStatus.TRANSFERRED ? "partner-" + (1 + rnd.nextInt(9)) : null,
                    opened,
                    createdBy,
                    feedbackAt,
                    resolvedAt,
                    closedAt,
                    t,
                    history.size(),
                    List.copyOf(history)));
        }
        return out;
    }

    private Instant later(Instant t, Duration d) {
        Instant next = t.plus(d);
        return next.isAfter(now) ? now : next;
    }

    private static TicketEvent.Change change(String field, TicketStatus from, TicketStatus to) {
        return new TicketEvent.Change(field, from.name(), to.name());
    }

    private static TicketStatus status(SplittableRandom rnd, boolean recent) {
        int openPercent = recent ? 50 : 4;
        if (rnd.nextInt(100) < openPercent)
            return weighted(
                    rnd,
                    new TicketStatus[] {
                        TicketStatus.REGISTERED,
                        TicketStatus.FEEDBACK_GIVEN,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.WAITING_ON_CUSTOMER
                    },
                    15,
                    25,
                    45,
                    15);
        return weighted(
                rnd,
                new TicketStatus[] {TicketStatus.CLOSED, TicketStatus.RESOLVED, TicketStatus.TRANSFERRED},
                70,
                27,
                3);
    }

    private static <T> T weighted(SplittableRandom rnd, T[] values, int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = rnd.nextInt(total);
        for (int k = 0; k < values.length; k++) {
            r -= weights[k];
            if (r < 0) return values[k];
        }
        return values[values.length - 1];
    }

    private static City city(SplittableRandom rnd) {
        int r = rnd.nextInt(CITY_WEIGHT);
        for (City c : CITIES) {
            r -= c.weight();
            if (r < 0) return c;
        }
        return CITIES.getLast();
    }

    private static String personName(SplittableRandom rnd) {
        return pick(rnd, SURNAMES) + pick(rnd, GIVEN);
    }

    private static String pick(SplittableRandom rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
