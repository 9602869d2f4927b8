package io.tierlens.session.model;

import java.util.List;

/** One refresh's view: every namespace and every Redis node we talked to. */
public record SessionModel(List<NamespaceReport> namespaces, List<RedisHealth> redis) {

    public SessionModel {
        namespaces = List.copyOf(namespaces);
        redis = List.copyOf(redis);
    }
}
