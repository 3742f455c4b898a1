package io.pistonee.collection.internal;

import io.pistonee.collection.ListQuery;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an index the entity declares can serve an order: without one, every page sorts every
 * matching row before it skips to its offset, so a page costs more the larger the table. Read from the
 * mapping annotations alone ({@code @Table(indexes, uniqueConstraints)}, {@code @Column},
 * {@code @JoinColumn}, the id), at deployment, without asking the database.
 *
 * <p>An index serves an order when its leading columns are the order's, every key but the id (the last
 * key of every order) at least, in the index's directions or all reversed (a backward scan, which
 * PostgreSQL makes but the H2 2.2 of Payara Micro 6 and WildFly 39 does not: so the index named in a
 * warning is in the order's own directions). An order
 * through a relation ({@code author.username}) needs another table and is never served.
 */
public final class OrderIndexes {

    private OrderIndexes() {}

    /** One indexed column and its direction. */
    record Key(String column, boolean descending) {}

    /**
     * The {@code columnList} of an index that would serve {@code order} on {@code model} when none of
     * its declared indexes does; empty when one does.
     */
    public static Optional<String> missing(Class<?> model, List<ListQuery.Order> order) {
        Member id = idOf(model);
        if (id == null || order.isEmpty()) {
            return Optional.empty();
        }
        List<Key> wanted = new ArrayList<>();
        for (ListQuery.Order key : order) {
            Member member = key.path().contains(".") ? null : member(model, key.path());
            if (member == null) {
                return Optional.of(order.stream().map(ListQuery.Order::path).collect(Collectors.joining(", ")));
            }
            wanted.add(new Key(member.column(), key.descending()));
        }
        if (!wanted.get(wanted.size() - 1).column().equalsIgnoreCase(id.column())) {
            wanted.add(new Key(id.column(), wanted.get(wanted.size() - 1).descending()));
        }
        List<List<Key>> indexes = declared(model);
        indexes.add(List.of(new Key(id.column(), false)));
        for (List<Key> index : indexes) {
            if (serves(index, wanted)) {
                return Optional.empty();
            }
        }
        // In the order's own directions: some databases (the H2 2.2 that Payara Micro 6 and WildFly 39
        // bundle) never read an index backwards.
        return Optional.of(wanted.stream()
                .map(key -> key.column() + (key.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", ")));
    }

    static boolean serves(List<Key> index, List<Key> wanted) {
        int matched = 0;
        Boolean reversed = null;
        while (matched < index.size() && matched < wanted.size()) {
            Key have = index.get(matched);
            Key want = wanted.get(matched);
            if (!have.column().equalsIgnoreCase(want.column())) {
                break;
            }
            boolean flipped = have.descending() != want.descending();
            if (reversed != null && reversed != flipped) {
                break;
            }
            reversed = flipped;
            matched++;
        }
        return matched >= Math.max(1, wanted.size() - 1);
    }

    /** The indexes and unique constraints of the model's table, as column lists. */
    static List<List<Key>> declared(Class<?> model) {
        List<List<Key>> indexes = new ArrayList<>();
        Table table = model.getAnnotation(Table.class);
        if (table == null) {
            return indexes;
        }
        for (Index index : table.indexes()) {
            List<Key> keys = new ArrayList<>();
            for (String part : index.columnList().split(",")) {
                String[] words = part.strip().split("\\s+");
                keys.add(new Key(
                        words[0],
                        words.length > 1 && words[1].toUpperCase(Locale.ROOT).equals("DESC")));
            }
            indexes.add(keys);
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            List<Key> keys = new ArrayList<>();
            for (String column : unique.columnNames()) {
                keys.add(new Key(column.strip(), false));
            }
            indexes.add(keys);
        }
        return indexes;
    }

    /** An attribute and the column it is stored in. */
    private record Member(AnnotatedElement element, String column) {}

    private static Member idOf(Class<?> model) {
        for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
                    return member(model, field.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Id.class) || method.isAnnotationPresent(EmbeddedId.class)) {
                    return member(model, property(method.getName()));
                }
            }
        }
        return null;
    }

    /** The attribute's column: {@code @Column(name)}, {@code @JoinColumn(name)}, else JPA's default. */
    private static Member member(Class<?> model, String attribute) {
        AnnotatedElement element = element(model, attribute);
        if (element == null) {
            return null;
        }
        Column column = element.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return new Member(element, column.name());
        }
        if (element.isAnnotationPresent(ManyToOne.class) || element.isAnnotationPresent(OneToOne.class)) {
            JoinColumn join = element.getAnnotation(JoinColumn.class);
            return new Member(element, join != null && !join.name().isEmpty() ? join.name() : attribute + "_id");
        }
        return new Member(element, attribute);
    }

    private static AnnotatedElement element(Class<?> model, String attribute) {
        for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(attribute)) {
                    return field;
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && attribute.equals(property(method.getName()))) {
                    return method;
                }
            }
        }
        return null;
    }

    private static String property(String getter) {
        String bare =
                getter.startsWith("get") ? getter.substring(3) : getter.startsWith("is") ? getter.substring(2) : "";
        return bare.isEmpty() ? null : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
