package org.jkeepalived.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two parts of the configuration model say the same thing: equal as records are, except for the
 * {@link Location}s they carry. A reload of a file with a line added above an instance must not count the instance,
 * its notify scripts, its track scripts, a virtual server or a checker as changed because they moved down a line.
 */
public final class SameSettings {

    private SameSettings() {
    }

    public static boolean of(Object left, Object right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        if (left instanceof Location && right instanceof Location) {
            return true;
        }
        // List.of and Map.of pick their class by size: compare collections by interface
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            return sameElements(leftList, rightList);
        }
        if (left instanceof Map<?, ?> leftMap && right instanceof Map<?, ?> rightMap) {
            return leftMap.keySet().equals(rightMap.keySet()) && leftMap.entrySet().stream()
                    .allMatch(entry -> of(entry.getValue(), rightMap.get(entry.getKey())));
        }
        if (left.getClass() != right.getClass()) {
            return false;
        }
        if (left instanceof Record leftRecord) {
            return sameComponents(leftRecord, (Record) right);
        }
        if (left instanceof Optional<?> leftValue) {
            Optional<?> rightValue = (Optional<?>) right;
            return leftValue.isPresent() == rightValue.isPresent()
                    && (leftValue.isEmpty() || of(leftValue.get(), rightValue.get()));
        }
        return Objects.deepEquals(left, right);
    }

    private static boolean sameComponents(Record left, Record right) {
        for (RecordComponent component : left.getClass().getRecordComponents()) {
            try {
                if (!of(component.getAccessor().invoke(left), component.getAccessor().invoke(right))) {
                    return false;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                // a record this package cannot read is compared as a whole
                return left.equals(right);
            }
        }
        return true;
    }

    private static boolean sameElements(List<?> left, List<?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<?> rightElements = right.iterator();
        for (Object element : left) {
            if (!of(element, rightElements.next())) {
                return false;
            }
        }
        return true;
    }
}
