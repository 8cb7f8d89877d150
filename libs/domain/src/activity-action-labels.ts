import { ActivityAction, ALL_ACTIVITY_ACTIONS } from './activity-actions';
import { fold } from './text';
import type { Locale } from './types';

/**
 * What each activity action is called, in both languages of the product. Shared: the admin shows
 * them, and the api matches a supervisor's free text against them, so "contraseña" or "password"
 * finds the password actions whatever language the log is read in.
 */
export const ACTIVITY_ACTION_LABELS: Record<Locale, Record<ActivityAction, string>> = {
  es: {
    [ActivityAction.StaffSignedIn]: 'Miembro del personal inició sesión',
    [ActivityAction.StaffSignInFailed]: 'Inicio de sesión del personal fallido',
    [ActivityAction.StaffLockedOut]: 'Miembro del personal bloqueado',
    [ActivityAction.StaffSignedOut]: 'Miembro del personal cerró sesión',
    [ActivityAction.StaffSessionExpired]: 'Sesión del personal vencida',
    [ActivityAction.StaffCreated]: 'Miembro del personal creado',
    [ActivityAction.StaffUpdated]: 'Miembro del personal actualizado',
    [ActivityAction.StaffDisabled]: 'Miembro del personal desactivado',
    [ActivityAction.StaffEnabled]: 'Miembro del personal activado',
    [ActivityAction.StaffPasswordChanged]: 'Contraseña del personal cambiada',
    [ActivityAction.StaffPasswordReset]: 'Contraseña del personal restablecida',
    [ActivityAction.StaffSecondFactorAdded]: 'Segundo factor del personal agregado',
    [ActivityAction.StaffSecondFactorRemoved]: 'Segundo factor del personal quitado',
    [ActivityAction.StaffRecoveryCodesRenewed]: 'Códigos de recuperación del personal renovados',
    [ActivityAction.StaffRecoveryCodeUsed]: 'Código de recuperación del personal usado',
    [ActivityAction.StaffSecondFactorsReset]: 'Segundos factores del personal restablecidos',
    [ActivityAction.StaffSteppedUp]: 'El personal volvió a verificar su identidad',
    [ActivityAction.StaffSecondFactorFailed]: 'Segundo factor del personal incorrecto',
    [ActivityAction.RoleCreated]: 'Rol creado',
    [ActivityAction.RoleUpdated]: 'Rol actualizado',
    [ActivityAction.RoleDeleted]: 'Rol eliminado',
    [ActivityAction.SystemBootstrapped]: 'Keydesk configurado',
    [ActivityAction.ClientCreated]: 'Cliente creado',
    [ActivityAction.ClientUpdated]: 'Cliente actualizado',
    [ActivityAction.ContactCreated]: 'Contacto agregado',
    [ActivityAction.ContactUpdated]: 'Contacto actualizado',
    [ActivityAction.ContactDeleted]: 'Contacto eliminado',
    [ActivityAction.UserCreated]: 'Usuario creado',
    [ActivityAction.UserUpdated]: 'Usuario actualizado',
    [ActivityAction.UserAssociated]: 'Usuario asociado al cliente',
    [ActivityAction.UserDissociated]: 'Usuario quitado del cliente',
    [ActivityAction.UserAssociationUpdated]: 'Acceso del usuario al cliente cambiado',
    [ActivityAction.ClientOwnerChanged]: 'Propietario cambiado',
    [ActivityAction.TicketOpened]: 'Ticket abierto',
    [ActivityAction.TicketReplied]: 'Ticket respondido',
    [ActivityAction.TicketNoteAdded]: 'Nota interna agregada a un ticket',
    [ActivityAction.TicketUpdated]: 'Ticket actualizado',
    [ActivityAction.NoteAdded]: 'Nota agregada',
    [ActivityAction.NoteEdited]: 'Nota editada',
    [ActivityAction.EmailResent]: 'Correo reenviado',
    [ActivityAction.UserPasswordResetEmailSent]: 'Correo para restablecer la contraseña enviado',
    [ActivityAction.UserPasswordResetCompleted]: 'Contraseña restablecida con el enlace del correo',
    [ActivityAction.UserPasswordSet]: 'Contraseña temporal establecida y enviada por un ticket',
    [ActivityAction.UserPasswordRevealed]: 'Contraseña temporal mostrada al cliente',
    [ActivityAction.UserSignedIn]: 'El usuario inició sesión en el área de clientes',
    [ActivityAction.UserSignInFailed]: 'Inicio de sesión fallido en el área de clientes',
    [ActivityAction.UserLockedOut]: 'Usuario bloqueado tras intentos fallidos',
    [ActivityAction.UserSignedOut]: 'El usuario cerró sesión en el área de clientes',
    [ActivityAction.UserPasswordChanged]: 'Contraseña cambiada por el usuario',
    [ActivityAction.UserRescueCodeRequested]: 'Código de rescate solicitado',
    [ActivityAction.UserRescueCodeSent]: 'Código de rescate enviado por correo',
    [ActivityAction.UserRescueCodeFailed]: 'Se escribió un código de rescate incorrecto o que ya no es válido',
    [ActivityAction.UserRescueCodeExpired]: 'Se escribió un código de rescate vencido',
    [ActivityAction.UserRescueCodeRedeemed]: 'Código de rescate usado para obtener una nueva contraseña',
    [ActivityAction.UserEmailChanged]: 'Correo del usuario cambiado',
    [ActivityAction.UserChangeReported]: 'Cambio reportado por el cliente: «No fui yo»; usuario bloqueado',
    [ActivityAction.UserUnlocked]: 'Usuario desbloqueado',
    [ActivityAction.UserEmailHoldLifted]: 'Espera del correo nuevo levantada',
    [ActivityAction.UserCallerCodeSent]: 'Código de verificación del cliente enviado',
    [ActivityAction.UserCallerVerified]: 'Cliente verificado por el agente',
    [ActivityAction.UserCallerCodeFailed]: 'Código de verificación del cliente incorrecto',
    [ActivityAction.ApprovalRequested]: 'Aprobación solicitada',
    [ActivityAction.ApprovalApproved]: 'Solicitud aprobada',
    [ActivityAction.ApprovalDenied]: 'Solicitud rechazada',
    [ActivityAction.ApprovalUsed]: 'Aprobación usada',
    [ActivityAction.ApprovalExpired]: 'Solicitud o aprobación vencida',
    [ActivityAction.SettingsAssuranceChanged]: 'Política de verificación del cliente cambiada',
    [ActivityAction.UserSecondFactorAdded]: 'Segundo factor agregado por el cliente',
    [ActivityAction.UserSecondFactorRemoved]: 'Segundo factor quitado por el cliente',
    [ActivityAction.UserRecoveryCodesRenewed]: 'Códigos de recuperación renovados por el cliente',
    [ActivityAction.UserRecoveryCodeUsed]: 'Código de recuperación usado',
    [ActivityAction.UserSecondFactorsRemoved]: 'Segundos factores del cliente quitados por soporte',
    [ActivityAction.UserSecondFactorFailed]: 'Segundo factor incorrecto en el área de clientes',
    [ActivityAction.EmailSent]: 'Correo entregado al servidor de correo',
    [ActivityAction.ActivityReviewed]: 'Actividad revisada',
    [ActivityAction.ActivityExported]: 'Registro de actividad exportado',
    [ActivityAction.ActivityArchived]: 'Entradas antiguas archivadas tras un punto de control firmado',
  },
  en: {
    [ActivityAction.StaffSignedIn]: 'Staff member signed in',
    [ActivityAction.StaffSignInFailed]: 'Staff sign-in failed',
    [ActivityAction.StaffLockedOut]: 'Staff member locked out',
    [ActivityAction.StaffSignedOut]: 'Staff member signed out',
    [ActivityAction.StaffSessionExpired]: 'Staff session expired',
    [ActivityAction.StaffCreated]: 'Staff member created',
    [ActivityAction.StaffUpdated]: 'Staff member updated',
    [ActivityAction.StaffDisabled]: 'Staff member disabled',
    [ActivityAction.StaffEnabled]: 'Staff member enabled',
    [ActivityAction.StaffPasswordChanged]: 'Staff password changed',
    [ActivityAction.StaffPasswordReset]: 'Staff password reset',
    [ActivityAction.StaffSecondFactorAdded]: 'Staff second factor added',
    [ActivityAction.StaffSecondFactorRemoved]: 'Staff second factor removed',
    [ActivityAction.StaffRecoveryCodesRenewed]: 'Staff recovery codes renewed',
    [ActivityAction.StaffRecoveryCodeUsed]: 'Staff recovery code used',
    [ActivityAction.StaffSecondFactorsReset]: 'Staff second factors reset',
    [ActivityAction.StaffSteppedUp]: 'Staff member proved their identity again',
    [ActivityAction.StaffSecondFactorFailed]: 'Staff second factor wrong',
    [ActivityAction.RoleCreated]: 'Role created',
    [ActivityAction.RoleUpdated]: 'Role updated',
    [ActivityAction.RoleDeleted]: 'Role deleted',
    [ActivityAction.SystemBootstrapped]: 'Keydesk set up',
    [ActivityAction.ClientCreated]: 'Client created',
    [ActivityAction.ClientUpdated]: 'Client updated',
    [ActivityAction.ContactCreated]: 'Contact added',
    [ActivityAction.ContactUpdated]: 'Contact updated',
    [ActivityAction.ContactDeleted]: 'Contact deleted',
    [ActivityAction.UserCreated]: 'User created',
    [ActivityAction.UserUpdated]: 'User updated',
    [ActivityAction.UserAssociated]: 'User associated with the client',
    [ActivityAction.UserDissociated]: 'User removed from the client',
    [ActivityAction.UserAssociationUpdated]: 'User’s access to the client changed',
    [ActivityAction.ClientOwnerChanged]: 'Owner changed',
    [ActivityAction.TicketOpened]: 'Ticket opened',
    [ActivityAction.TicketReplied]: 'Ticket answered',
    [ActivityAction.TicketNoteAdded]: 'Internal note added to a ticket',
    [ActivityAction.TicketUpdated]: 'Ticket updated',
    [ActivityAction.NoteAdded]: 'Note added',
    [ActivityAction.NoteEdited]: 'Note edited',
    [ActivityAction.EmailResent]: 'Email resent',
    [ActivityAction.UserPasswordResetEmailSent]: 'Password reset email sent',
    [ActivityAction.UserPasswordResetCompleted]: 'Password reset through the emailed link',
    [ActivityAction.UserPasswordSet]: 'Temporary password set and sent through a ticket',
    [ActivityAction.UserPasswordRevealed]: 'Temporary password revealed by the customer',
    [ActivityAction.UserSignedIn]: 'User signed in to the client area',
    [ActivityAction.UserSignInFailed]: 'Failed sign-in to the client area',
    [ActivityAction.UserLockedOut]: 'User locked out after failed sign-ins',
    [ActivityAction.UserSignedOut]: 'User signed out of the client area',
    [ActivityAction.UserPasswordChanged]: 'Password changed by the user',
    [ActivityAction.UserRescueCodeRequested]: 'Rescue code requested',
    [ActivityAction.UserRescueCodeSent]: 'Rescue code emailed',
    [ActivityAction.UserRescueCodeFailed]: 'Wrong or no longer valid rescue code entered',
    [ActivityAction.UserRescueCodeExpired]: 'Expired rescue code entered',
    [ActivityAction.UserRescueCodeRedeemed]: 'Rescue code used to get a new password',
    [ActivityAction.UserEmailChanged]: 'User email changed',
    [ActivityAction.UserChangeReported]: 'Change reported by the customer ("This wasn\'t me"); user locked',
    [ActivityAction.UserUnlocked]: 'User unlocked',
    [ActivityAction.UserEmailHoldLifted]: 'New-address wait lifted',
    [ActivityAction.UserCallerCodeSent]: 'Caller verification code sent',
    [ActivityAction.UserCallerVerified]: 'Caller verified by the agent',
    [ActivityAction.UserCallerCodeFailed]: 'Wrong caller verification code',
    [ActivityAction.ApprovalRequested]: 'Approval requested',
    [ActivityAction.ApprovalApproved]: 'Request approved',
    [ActivityAction.ApprovalDenied]: 'Request denied',
    [ActivityAction.ApprovalUsed]: 'Approval used',
    [ActivityAction.ApprovalExpired]: 'Request or approval expired',
    [ActivityAction.SettingsAssuranceChanged]: 'Caller verification policy changed',
    [ActivityAction.UserSecondFactorAdded]: 'Second factor added by the customer',
    [ActivityAction.UserSecondFactorRemoved]: 'Second factor removed by the customer',
    [ActivityAction.UserRecoveryCodesRenewed]: 'Recovery codes renewed by the customer',
    [ActivityAction.UserRecoveryCodeUsed]: 'Recovery code used',
    [ActivityAction.UserSecondFactorsRemoved]: "Customer's second factors removed by support",
    [ActivityAction.UserSecondFactorFailed]: 'Wrong second factor in the client area',
    [ActivityAction.EmailSent]: 'Email delivered to the mail server',
    [ActivityAction.ActivityReviewed]: 'Activity reviewed',
    [ActivityAction.ActivityExported]: 'Activity log exported',
    [ActivityAction.ActivityArchived]: 'Old entries archived behind a signed checkpoint',
  },
};

/**
 * A value with dots ("clients.view", "user.password_set") as one translation key: polyglot, the
 * admin's translator, reads dots as nesting, so they become underscores.
 */
export function messageKeyOf(value: string): string {
  return value.replaceAll('.', '_');
}

/** The labels of one language keyed by messageKeyOf(action), for the admin's translations. */
export function activityActionMessages(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ACTIVITY_ACTION_LABELS[locale]).map(([action, label]) => [messageKeyOf(action), label]),
  );
}

/** Every action with its labels folded once, for the text a supervisor types. */
const FOLDED_LABELS = ALL_ACTIVITY_ACTIONS.map((action) => ({
  action,
  labels: Object.values(ACTIVITY_ACTION_LABELS).map((byAction) => fold(byAction[action])),
}));

/** The actions whose label, in either language, contains `text` (accents and case aside). */
export function activityActionsMatching(text: string): ActivityAction[] {
  const wanted = fold(text.trim());
  if (!wanted) return [];
  return FOLDED_LABELS.filter(({ labels }) => labels.some((label) => label.includes(wanted))).map(
    ({ action }) => action,
  );
}
