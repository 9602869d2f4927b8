package io.tierlens.backup.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A resource AWS Backup has recovery points of (ListProtectedResources), whatever their status.
 *
 * @param type AWS Backup's resource type: {@code RDS}, {@code Aurora}, {@code EBS}, {@code EFS}, {@code DynamoDB}, …
 */
public record ProtectedResource(String arn, String type, Optional<Instant> lastBackup) {}
