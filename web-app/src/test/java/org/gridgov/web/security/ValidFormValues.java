package org.gridgov.web.security;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.gridgov.grid.IdNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Valid values for the fields of a page form, so that one field at a time can be made wrong while every other holds a
 * value the form accepts. A field keeps what its page fills in (ids, versions, dates, chosen options); an empty one is
 * filled from its type and bean validation annotations ({@code @Size}, {@code @Min}, {@code @Past} …), and the few
 * whose rule no annotation tells (codes that must be free, an ID number with its check digit, a phone) from
 * {@link #known}.
 */
final class ValidFormValues {

    /** The password the corpus's own account has before each change of it (see the password form's reset). */
    static final String ACCOUNT_PASSWORD = "Corpus-Old-Pass-1";

    private final JdbcTemplate jdbc;
    private final Supplier<LocalDate> today;
    private final AtomicInteger counter = new AtomicInteger();

    ValidFormValues(JdbcTemplate jdbc, Supplier<LocalDate> today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    /**
     * The value to send for {@code name}, or null to send what the page holds. {@code form} is the form class,
     * {@code variables} the path variables of the address, {@code values} what the page holds for every field.
     */
    String valid(Class<?> form, String name, PageForms.Control control, Map<String, String> variables,
                 Map<String, String> values) {
        String known = known(form, name, control, variables, values);
        if (known != null) {
            return known;
        }
        String current = control == null ? null : control.value();
        if (current != null && !current.isEmpty()) {
            return null;
        }
        if (control != null && control.tag().equals("select")) {
            return control.options().stream().filter(o -> !o.isEmpty()).findFirst().orElse(null);
        }
        Field field = field(form, name);
        if (field == null || field.getType() != String.class && !required(field)) {
            return null;
        }
        return byType(field, name);
    }

    /** Whether a field must have a value (an optional one left empty, as the page leaves it, changes nothing). */
    private static boolean required(Field field) {
        return field.getType().isPrimitive() || field.isAnnotationPresent(NotNull.class)
                || field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class);
    }

    /** The fields whose valid value no annotation tells. */
    private String known(Class<?> form, String name, PageForms.Control control, Map<String, String> variables,
                         Map<String, String> values) {
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        return switch (leaf) {
            // a position is optional, and one outside the county is refused: left out
            case "lat", "lng" -> "";
            case "phone", "reporterPhone" -> "13800138000";
            case "idNumber" -> idNumber(values.getOrDefault("gender", "MALE"));
            case "birthDate" -> BIRTH_DATE.toString();
            case "oldPassword", "password" -> ACCOUNT_PASSWORD;
            case "newPassword", "confirmPassword" -> "Corpus-New-Pass-2";
            case "expiresAt" -> today.get().plusDays(7).atTime(10, 0).format(DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm"));
            case "reviewDate" -> today.get().plusDays(30).toString();
            // a visit that raises a case reads the case's fields
            case "raiseCase" -> "true";
            // a household has one head already
            case "relation" -> "OTHER";
            // a cancellation as a duplicate names the case it repeats
            case "duplicateOf" -> jdbc.queryForObject("select code from desk.case_file order by id limit 1",
                    String.class);
            // an exchange for whoever has the most points
            case "personKind" -> jdbc.queryForObject("select person_kind from work.point_account"
                    + " order by balance desc, person_id limit 1", String.class);
            case "personId" -> jdbc.queryForObject("select person_id::text from work.point_account"
                    + " order by balance desc, person_id limit 1", String.class);
            case "goodsId" -> jdbc.queryForObject("select min(id)::text from work.goods where active and stock > 0"
                    + " and unit_id is null and price <= (select max(balance) from work.point_account)",
                    String.class);
            // a day of the calendar two years ahead, where no deadline of today reaches
            case "day" -> today.get().plusYears(2).withDayOfYear(100).toString();
            // a case reported, a warning issued: in the last community, away from the demo users' own units
            case "gridUnitId" -> String.valueOf(jdbc.queryForObject(PageFormBoundsIT.LAST_GRID, Long.class));
            case "unitIds" -> form.getSimpleName().equals("WarningForm") ? String.valueOf(jdbc.queryForObject(
                    PageFormBoundsIT.LAST_COMMUNITY, Long.class)) : null;
            case "codeSuffix" -> freeSuffix(form, name, variables, values);
            case "code" -> form.getSimpleName().equals("NewCategoryForm") ? freeMinorCategory() : null;
            default -> null;
        };
    }

    static final LocalDate BIRTH_DATE = LocalDate.of(1980, 5, 1);

    /** A well-formed 居民身份证 number born on {@link #BIRTH_DATE}, odd for a man, never used before. */
    String idNumber(String gender) {
        // the order code's last digit is odd for a man: each number takes two codes, one of each
        int sequence = 100 + (2 * counter.incrementAndGet()) % 800 + (gender.equals("MALE") ? 1 : 0);
        String first17 = "110101" + BIRTH_DATE.toString().replace("-", "") + sequence;
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /**
     * A code suffix no unit has under the parent: a new unit's parent is the page's unit, a department's the chosen
     * parent (its block 9xx), a split's parts go under the split unit's parent, a merge's under the page's unit.
     */
    private String freeSuffix(Class<?> form, String name, Map<String, String> variables, Map<String, String> values) {
        String simple = form.getSimpleName();
        long parent;
        String infix = "";
        int digits = 3;
        if (simple.equals("NewDepartment")) {
            parent = Long.parseLong(values.get("parentId"));
            infix = "9";
            digits = 2;
        }
        else if (variables.containsKey("parentId")) {
            parent = Long.parseLong(variables.get("parentId"));
        }
        else if (simple.equals("RestructuringForm")) {
            parent = jdbc.queryForObject("select parent_id from grid.unit where id = ?", Long.class,
                    Long.parseLong(variables.get("id")));
        }
        else {
            parent = Long.parseLong(variables.get("id"));
        }
        String parentCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, parent);
        // parts of one split take different suffixes: the part's index is added
        int part = name.startsWith("parts[") ? Integer.parseInt(name.substring(6, name.indexOf(']'))) : 0;
        for (int s = (int) Math.pow(10, digits) - 1 - part; s > 0; s -= 3) {
            String suffix = String.format("%0" + digits + "d", s);
            Integer used = jdbc.queryForObject("select count(*) from grid.unit where code = ?", Integer.class,
                    parentCode + infix + suffix);
            if (used == 0) {
                return suffix;
            }
        }
        throw new IllegalStateException("no free code under unit " + parent);
    }

    /** A minor category code NNMM under an existing major NN00 that no category has. */
    private String freeMinorCategory() {
        String major = jdbc.queryForObject("select min(code) from desk.category where major_code is null",
                String.class);
        for (int m = 99; m > 0; m--) {
            String code = major.substring(0, 2) + String.format("%02d", m);
            if (jdbc.queryForObject("select count(*) from desk.category where code = ?", Integer.class, code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free minor code under " + major);
    }

    /** A value of the field's type within its annotations; null when the type gives none (ids, lists). */
    private String byType(Field field, String name) {
        Class<?> type = field.getType();
        if (type == String.class) {
            Size size = field.getAnnotation(Size.class);
            String text = "语料" + counter.incrementAndGet();
            return size != null && size.max() < text.length() ? text.substring(0, size.max()) : text;
        }
        if (type == LocalDate.class) {
            LocalDate day = today.get();
            if (field.isAnnotationPresent(Past.class)) {
                return day.minusYears(30).toString();
            }
            if (field.isAnnotationPresent(PastOrPresent.class)) {
                return day.minusDays(1).toString();
            }
            if (field.isAnnotationPresent(Future.class) || field.isAnnotationPresent(FutureOrPresent.class)) {
                return day.plusDays(7).toString();
            }
            return day.toString();
        }
        boolean id = name.endsWith("Id") || name.equals("version");
        if (type == Integer.class || type == int.class || (type == Long.class && !id)) {
            Min min = field.getAnnotation(Min.class);
            return String.valueOf(min == null ? 1 : Math.max(min.value(), 1));
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return null;
    }

    /**
     * The declared field behind a property path ({@code name}, {@code parts[0].name}, {@code childPart[7]}); record
     * components are fields too, and carry their annotations.
     */
    static Field field(Class<?> type, String path) {
        Class<?> current = type;
        Field field = null;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            String property = segment.replaceAll("\\[.*]$", "");
            field = declared(current, property);
            if (field == null) {
                return null;
            }
            current = segment.endsWith("]") ? element(field.getGenericType()) : field.getType();
        }
        return path.endsWith("]") ? null : field;
    }

    /** The type of a property that {@code field} holds by index or key, or null. */
    static Class<?> element(Type generic) {
        if (generic instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            Type last = arguments[arguments.length - 1];
            return last instanceof Class<?> c ? c : null;
        }
        return null;
    }

    private static Field declared(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            }
            catch (NoSuchFieldException ex) {
                // look in the superclass
            }
        }
        return null;
    }

    /** The {@code @Size} maximum of a field, or null. */
    static Integer sizeMax(Class<?> form, String name) {
        Field field = field(form, name);
        Size size = field == null ? null : field.getAnnotation(Size.class);
        return size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
    }

    /** Whether the property is text (a String), the only kind an over-long value is for. */
    static boolean text(Class<?> form, String name) {
        Field field = field(form, name);
        return field != null && field.getType() == String.class;
    }
}
