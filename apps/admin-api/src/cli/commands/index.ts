import type { AnyCommand } from "../command.ts";
import { backupCommand, restoreCommand } from "./backup.ts";
import { copyDatabaseCommand } from "./copy-database.ts";
import { seedCommand } from "./seed.ts";
import {
  createUserCommand,
  disableUserCommand,
  enableUserCommand,
  listUsersCommand,
  resetPasswordCommand,
  setRoleCommand,
} from "./users.ts";

/**
 * Every `npm run admin -- <name>` command. To add one, write it in its own
 * file in this folder (see ../command.ts) and add one line here.
 */
export const commands: Readonly<Record<string, AnyCommand>> = {
  "create-user": createUserCommand,
  "list-users": listUsersCommand,
  "set-role": setRoleCommand,
  "disable-user": disableUserCommand,
  "enable-user": enableUserCommand,
  "reset-password": resetPasswordCommand,
  seed: seedCommand,
  backup: backupCommand,
  restore: restoreCommand,
  "copy-database": copyDatabaseCommand,
};
