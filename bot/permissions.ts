// Who may change the data: members with Manage Server, members holding a role listed in
// MODERATOR_ROLE_IDS, and users listed in OWNER_IDS; only inside a server. Discord's default
// member permissions hide the commands from others, but a server can override them and a payload
// can be forged, so every moderator command checks again here, from the interaction itself.
import { PermissionFlagsBits, type Interaction } from 'discord.js';

export interface AccessRules {
  moderatorRoleIds: readonly string[];
  ownerIds: readonly string[];
}

export type AccessDecision =
  | { allowed: true; via: 'owner' | 'manage-server' | 'moderator-role' }
  | { allowed: false; reason: string };

export const MODERATORS_ONLY_REPLY =
  'Moderators only: this needs the Manage Server permission or a moderator role. Ask a moderator of this server.';
export const SERVER_ONLY_REPLY = 'Moderator commands work inside a server, not in direct messages.';

/** The role ids the member holds, whether discord.js knows the guild (GuildMember) or not (raw API member). */
function memberRoleIds(interaction: Interaction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export function checkModerator(interaction: Interaction, rules: AccessRules): AccessDecision {
  if (!interaction.inGuild()) return { allowed: false, reason: SERVER_ONLY_REPLY };
  if (rules.ownerIds.includes(interaction.user.id)) return { allowed: true, via: 'owner' };
  // Permissions as Discord computed them for this member in this channel (Administrator implies all).
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return { allowed: true, via: 'manage-server' };
  if (rules.moderatorRoleIds.length && memberRoleIds(interaction).some((id) => rules.moderatorRoleIds.includes(id))) {
    return { allowed: true, via: 'moderator-role' };
  }
  return { allowed: false, reason: MODERATORS_ONLY_REPLY };
}
