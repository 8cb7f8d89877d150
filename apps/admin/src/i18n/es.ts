import type { TranslationMessages } from 'react-admin';

import type { KeydeskMessages, Translation } from './en';
import { reactAdminSpanish } from './react-admin-es';

const keydeskSpanish: Translation<KeydeskMessages> = {
  resources: {
    staff: {
      name: 'Miembro del personal |||| Personal',
      fields: {
        username: 'Usuario',
        displayName: 'Nombre',
        email: 'Correo electrónico',
        status: 'Estado',
        roleIds: 'Roles',
        roleId: 'Rol',
        lastLoginAt: 'Último inicio de sesión',
        lockedUntil: 'Bloqueado hasta',
        createdAt: 'Creado',
        updatedAt: 'Actualizado',
        password: 'Contraseña',
      },
    },
    roles: {
      name: 'Rol |||| Roles',
      fields: {
        name: 'Nombre',
        description: 'Descripción',
        builtIn: 'Tipo',
        permissions: 'Permisos',
        staffCount: 'Miembros del personal',
      },
      message: {
        delete_title: 'Eliminar el rol %{recordRepresentation}',
        delete_content: 'Quienes tienen este rol perderán lo que les permite hacer. No se puede deshacer.',
      },
    },
  },
  keydesk: {
    account: { menu: '%{name}, menú del perfil' },
    app: {
      name: 'Keydesk',
      tagline: 'Inicia sesión para ayudar a los clientes a recuperar su acceso.',
    },
    permissions: {
      clients_view: 'Ver clientes',
      clients_edit: 'Editar clientes',
      users_manage: 'Gestionar los usuarios de los clientes',
      users_send_reset_email: 'Enviar correos para restablecer la contraseña',
      users_set_password: 'Asignar contraseñas a los usuarios',
      tickets_view: 'Ver tickets',
      tickets_reply: 'Responder tickets',
      activity_view: 'Ver el registro de actividad',
      activity_export: 'Exportar el registro de actividad',
      staff_manage: 'Gestionar el personal y los roles',
    },
    dashboard: {
      welcome: 'Te damos la bienvenida, %{name}',
      signed_in_as: 'Iniciaste sesión como %{username}.',
      roles_title: 'Tus roles',
      no_roles: 'Todavía no tienes ningún rol. Pide uno a un administrador.',
      permissions_title: 'Lo que puedes hacer',
      no_permissions: 'Tus roles todavía no te permiten hacer nada.',
    },
    health: {
      title: 'Estado del sistema',
      service: 'Servicio de Keydesk',
      database: 'Base de datos',
      working: 'Funciona',
      failing: 'No funciona',
      unreachable: 'No se pudo contactar con Keydesk. Revisa tu conexión y vuelve a intentarlo.',
      checked_at: 'Comprobado a las %{time}',
      check_again: 'Comprobar de nuevo',
      checking: 'Comprobando…',
    },
    staff: {
      search: 'Buscar por nombre, usuario o correo',
      status: { active: 'Activo', disabled: 'Desactivado' },
      locked_until: 'Bloqueado hasta %{time}',
      never_signed_in: 'Nunca',
      username_help: 'No se puede cambiar una vez creada la cuenta.',
      status_help: 'Un miembro desactivado no puede iniciar sesión; su historial se conserva.',
      roles_help: 'Cada miembro puede hacer lo que le permita cualquiera de sus roles.',
    },
    password: {
      set: 'Asignar contraseña',
      dialog_title: 'Nueva contraseña para %{name}',
      dialog_help:
        'La nueva contraseña reemplaza a la actual de inmediato. Entrégasela a %{name} por un canal de confianza.',
      save: 'Asignar esta contraseña',
      generate: 'Generar',
      generate_help: 'Escribe una contraseña aleatoria que cumple la política',
      strength: 'Seguridad de la contraseña',
      changed: 'Se cambió la contraseña de %{name}.',
      reasons: {
        empty: 'Al menos %{min} caracteres. Unas cuantas palabras sin relación forman una contraseña segura.',
        too_short: 'Demasiado corta: %{length} de al menos %{min} caracteres.',
        too_long: 'Demasiado larga: como máximo %{max} caracteres.',
        common: 'Demasiado común: es de las primeras que prueba un atacante.',
        repetitive: 'Demasiado repetitiva: evita repetir caracteres o palabras.',
        sequential: 'Demasiado predecible: evita secuencias como abcd o 1234.',
        contains_personal_info: 'Contiene el usuario, el correo o el nombre de la cuenta.',
        meets_minimum: 'Aceptable. Unos caracteres más la harán más segura.',
        long: 'Segura.',
        very_long: 'Muy segura.',
      },
    },
    roles: {
      built_in: 'Predefinido',
      custom: 'Personalizado',
      built_in_notice: 'Los roles predefinidos vienen con Keydesk y no se pueden cambiar ni eliminar.',
      permission_count: '%{smart_count} permiso |||| %{smart_count} permisos',
      permissions_help: 'Lo que pueden hacer los miembros del personal con este rol.',
    },
  },
};

export const spanishMessages: TranslationMessages = { ...reactAdminSpanish, ...keydeskSpanish };
