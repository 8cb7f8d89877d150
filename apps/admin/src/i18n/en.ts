import raEnglish from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/** The shape of a translation of `T`: every key present, every leaf a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

const keydeskEnglish = {
  resources: {
    staff: {
      name: 'Staff member |||| Staff',
      fields: {
        username: 'User name',
        displayName: 'Name',
        email: 'Email',
        status: 'Status',
        roleIds: 'Roles',
        roleId: 'Role',
        lastLoginAt: 'Last sign-in',
        lockedUntil: 'Locked until',
        createdAt: 'Created',
        updatedAt: 'Updated',
        password: 'Password',
      },
    },
    roles: {
      name: 'Role |||| Roles',
      fields: {
        name: 'Name',
        description: 'Description',
        builtIn: 'Kind',
        permissions: 'Permissions',
        staffCount: 'Staff members',
      },
      message: {
        delete_title: 'Delete the role %{recordRepresentation}',
        delete_content: 'Staff members lose what this role lets them do. This cannot be undone.',
      },
    },
  },
  keydesk: {
    account: { menu: '%{name}, profile menu' },
    app: {
      name: 'Keydesk',
      tagline: 'Sign in to help customers get their access back.',
    },
    permissions: {
      clients_view: 'See clients',
      clients_edit: 'Edit clients',
      users_manage: "Manage clients' users",
      users_send_reset_email: 'Send password reset emails',
      users_set_password: "Set users' passwords",
      tickets_view: 'See tickets',
      tickets_reply: 'Reply to tickets',
      activity_view: 'See the activity log',
      activity_export: 'Export the activity log',
      staff_manage: 'Manage staff and roles',
    },
    dashboard: {
      welcome: 'Welcome, %{name}',
      signed_in_as: 'You are signed in as %{username}.',
      roles_title: 'Your roles',
      no_roles: 'You have no role yet. Ask an administrator to give you one.',
      permissions_title: 'What you may do',
      no_permissions: 'Your roles do not allow anything yet.',
    },
    health: {
      title: 'System health',
      service: 'Keydesk service',
      database: 'Database',
      working: 'Working',
      failing: 'Not working',
      unreachable: 'Keydesk could not be reached. Check your connection, then try again.',
      checked_at: 'Checked at %{time}',
      check_again: 'Check again',
      checking: 'Checking…',
    },
    staff: {
      search: 'Search by name, user name or email',
      status: { active: 'Active', disabled: 'Disabled' },
      locked_until: 'Locked until %{time}',
      never_signed_in: 'Never',
      username_help: 'It cannot be changed once the account exists.',
      status_help: 'A disabled staff member cannot sign in; their history is kept.',
      roles_help: 'A staff member may do what any of their roles allows.',
    },
    password: {
      set: 'Set password',
      dialog_title: 'New password for %{name}',
      dialog_help:
        'The new password replaces the current one at once. Give it to %{name} over a channel you trust.',
      save: 'Set this password',
      generate: 'Generate',
      generate_help: 'Fill in a random password that meets the policy',
      strength: 'Password strength',
      changed: 'The password of %{name} was changed.',
      reasons: {
        empty: 'At least %{min} characters. A few unrelated words make a strong password.',
        too_short: 'Too short: %{length} of at least %{min} characters.',
        too_long: 'Too long: at most %{max} characters.',
        common: 'Too common: attackers try this password first.',
        repetitive: 'Too repetitive: avoid repeating characters or words.',
        sequential: 'Too predictable: avoid sequences such as abcd or 1234.',
        contains_personal_info: 'Contains the user name, email or name of the account.',
        meets_minimum: 'Acceptable. A few more characters make it stronger.',
        long: 'Strong.',
        very_long: 'Very strong.',
      },
    },
    roles: {
      built_in: 'Built-in',
      custom: 'Custom',
      built_in_notice: 'Built-in roles come with Keydesk and cannot be changed or deleted.',
      permission_count: '%{smart_count} permission |||| %{smart_count} permissions',
      permissions_help: 'What staff members with this role may do.',
    },
  },
};

export type KeydeskMessages = typeof keydeskEnglish;

export const englishMessages: TranslationMessages = { ...raEnglish, ...keydeskEnglish };
