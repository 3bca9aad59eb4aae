package dev.ponder.hardware;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Free space for models.
 *
 * @param folder    the models folder (it may not exist yet: the space is that of the disk it would be on)
 * @param freeBytes usable bytes there, or null when the disk could not be asked
 */
public record Disk(@JsonSerialize(using = ToStringSerializer.class) Path folder, Long freeBytes) {
}
