package io.tierlens.backup.client;

import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import java.util.List;

/**
 * What the backup exporter needs from the RDS API, for one (account, region). Deliberately not the RDS
 * exporter's {@code RdsApi}: the backup exporter runs (and is granted IAM) on its own, reads other fields on a
 * slower schedule, and the two modules stay independent of each other. Implementations follow {@code Marker}.
 */
public interface RdsBackupApi {

    /** Every DB instance's backup settings. */
    List<DbBackupState> describeDbInstances();

    /** Automated, manual and AWS Backup snapshots of the account's DB instances (shared and public left out). */
    List<DbSnapshot> describeDbSnapshots();

    /** Automated backups in this region: the instances' own and those replicated here from other regions. */
    List<AutomatedBackup> describeDbInstanceAutomatedBackups();
}
