package io.tierlens.backup.model;

/** One backup vault (ListBackupVaults). */
public record BackupVault(String name, long recoveryPoints) {}
