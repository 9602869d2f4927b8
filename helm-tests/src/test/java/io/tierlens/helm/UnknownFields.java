package io.tierlens.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds keys that a fabric8 model kept in {@code additionalProperties} because its type has no such field. fabric8
 * models accept unknown keys instead of failing, so "fail on unknown properties" must be checked this way.
 */
final class UnknownFields {
    private UnknownFields() {}

    static List<String> find(Object root) {
        List<String> out = new ArrayList<>();
        visit(root, "", out);
        return out;
    }

    private static void visit(Object value, String path, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visit(v, path + "." + k, out));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                visit(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get")) {
                continue;
            }
            Object child = invoke(m, value);
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add((path.isEmpty() ? "." : path) + " " + extra.keySet());
                }
                continue;
            }
            visit(child, path + "." + property(m.getName()), out);
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + m + " of a rendered object", e);
        }
    }

    private static String property(String getter) {
        String name = getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
