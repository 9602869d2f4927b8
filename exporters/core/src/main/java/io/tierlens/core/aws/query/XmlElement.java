package io.tierlens.core.aws.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of an AWS XML answer: its local name (namespaces dropped), its text when it has no child elements,
 * and its child elements in document order. Immutable; built by {@link SafeXml}.
 */
public record XmlElement(String name, String text, List<XmlElement> children) {

    public XmlElement {
        Objects.requireNonNull(name, "name");
        text = text == null ? "" : text;
        children = List.copyOf(children);
    }

    /** The first child called {@code childName}. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The members of the list element {@code listName} ({@code <TagList><Tag>…}, {@code <tagSet><item>…}), whatever
     * each member is called; empty when the list is absent, which is how AWS writes an empty list.
     */
    public List<XmlElement> list(String listName) {
        return child(listName).map(XmlElement::children).orElse(List.of());
    }

    /** The text of the child {@code childName}; empty when the child is absent or empty. */
    public Optional<String> text(String childName) {
        return child(childName).map(XmlElement::text).filter(s -> !s.isEmpty());
    }

    /** The text of the child {@code childName}, or "" when absent. */
    public String string(String childName) {
        return text(childName).orElse("");
    }

    public Optional<Integer> integer(String childName) {
        return text(childName).map(s -> {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("<" + childName + "> is not an integer", e);
            }
        });
    }

    public boolean bool(String childName) {
        return text(childName).map(s -> Boolean.parseBoolean(s.trim())).orElse(false);
    }

    /** An ISO-8601 timestamp as AWS writes them ({@code 2026-11-20T18:04:31.112Z}). */
    public Optional<Instant> instant(String childName) {
        return text(childName).map(s -> {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new MalformedResponseException("<" + childName + "> is not an ISO-8601 time", e);
            }
        });
    }

    /** The first element called {@code wanted} in this subtree, depth first (this element included). */
    public Optional<XmlElement> find(String wanted) {
        if (name.equals(wanted)) {
            return Optional.of(this);
        }
        for (XmlElement c : children) {
            Optional<XmlElement> hit = c.find(wanted);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }
}
