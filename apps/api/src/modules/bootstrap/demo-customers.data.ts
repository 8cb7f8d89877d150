import { rfcCheckDigit, TicketDepartment } from '@keydesk/domain';

/**
 * What the demo customers are made of: Spanish trade names, the support tickets a back-office
 * like this one really gets (the WHMCS and XPD procedures), and the RFC rules that make Mexican
 * keys pass the same check as real ones.
 */
export type DemoCountry = 'MX' | 'CO';

/** `{apellido}` becomes a surname, so one pattern gives many different companies. */
export const TRADE_NAMES: Record<DemoCountry, readonly string[]> = {
  MX: [
    'Abarrotes {apellido}',
    'Ferretería El Tornillo',
    'Ferretería {apellido}',
    'Papelería La Estrella',
    'Farmacia San Rafael',
    'Panadería La Espiga',
    'Transportes {apellido}',
    'Constructora del Bajío',
    'Comercializadora {apellido}',
    'Refaccionaria El Pistón',
    'Tortillería La Guadalupana',
    'Mueblería {apellido}',
    'Grupo Industrial {apellido}',
    'Distribuidora del Golfo',
    'Consultorio Dental {apellido}',
    'Laboratorio Clínico San Ángel',
    'Agencia de Viajes Mundo Maya',
    'Servicios Contables {apellido}',
    'Taller Mecánico {apellido}',
    'Tlapalería El Martillo',
    'Hotel Playa Azul',
    'Restaurante Los Arcos',
    'Lavandería Burbujas',
    'Carnicería {apellido}',
    'Importadora del Pacífico',
    'Muebles Finos {apellido}',
  ],
  CO: [
    'Distribuidora Andina',
    'Comercializadora {apellido}',
    'Ferretería El Constructor',
    'Droguería La Economía',
    'Panadería {apellido}',
    'Inversiones {apellido}',
    'Transportes del Valle',
    'Café de la Sierra',
    'Textiles {apellido}',
    'Soluciones Contables {apellido}',
    'Agroinsumos del Llano',
    'Tienda Naturista Vida Sana',
    'Constructora {apellido}',
    'Laboratorio Dental Sonrisas',
    'Autopartes {apellido}',
  ],
};

/** Weighted by how common each legal form is among small businesses. */
export const LEGAL_FORMS: Record<DemoCountry, readonly string[]> = {
  MX: ['S.A. de C.V.', 'S.A. de C.V.', 'S.A. de C.V.', 'S. de R.L. de C.V.', 'S.C.'],
  CO: ['S.A.S.', 'S.A.S.', 'S.A.S.', 'Ltda.', 'S.A.'],
};

/** Accountants who serve several clients with one login (the same user in two or three accounts). */
export const ACCOUNTANTS: ReadonlyArray<{ firstName: string; lastName: string; local: string; country: DemoCountry }> =
  [
    { firstName: 'Rosa María', lastName: 'Villaseñor Téllez', local: 'rosa.villasenor.contadora', country: 'MX' },
    { firstName: 'Jorge', lastName: 'Ramírez Olvera', local: 'despacho.ramirez', country: 'MX' },
    { firstName: 'Patricia', lastName: 'Gómez Islas', local: 'cp.patricia.gomez', country: 'MX' },
    { firstName: 'Luis Fernando', lastName: 'Restrepo Cardona', local: 'contador.restrepo', country: 'CO' },
    { firstName: 'Marcela', lastName: 'Ospina Duque', local: 'marcela.ospina.revisoria', country: 'CO' },
  ];

/** A ticket's conversation: `{nombre}` is the customer's first name, `{agente}` the staff member's. */
export interface TicketScript {
  subject: string;
  department: TicketDepartment;
  customer: readonly string[];
  staff: readonly string[];
  internal: string;
}

const FOLLOW_UP = '¿Pudo resolverlo? Si no recibimos respuesta en 48 horas cerraremos este ticket. Saludos, {agente}.';

export const TICKET_SCRIPTS: Record<'es' | 'en', readonly TicketScript[]> = {
  es: [
    {
      subject: 'No puedo entrar a mi cuenta',
      department: TicketDepartment.Support,
      customer: [
        'Buen día, desde ayer no puedo iniciar sesión en el área de clientes, me dice que la contraseña es incorrecta.',
        'Ya pude entrar, muchas gracias.',
      ],
      staff: [
        'Hola {nombre}, le enviamos un correo para restablecer su contraseña a la dirección registrada. El enlace vence en 60 minutos.',
        FOLLOW_UP,
      ],
      internal: 'Se verificó la identidad con el RFC y el correo registrado antes de enviar el enlace.',
    },
    {
      subject: 'Olvidé mi contraseña',
      department: TicketDepartment.Support,
      customer: [
        'Olvidé mi contraseña del sistema de facturación y necesito timbrar hoy. ¿Me ayudan?',
        'No me llegó el correo, ¿lo pueden reenviar?',
      ],
      staff: [
        'Hola {nombre}, puede generar un código de rescate desde "¿Olvidaste tu contraseña?" con su RFC y el usuario admin.',
        FOLLOW_UP,
      ],
      internal: 'El cliente llamó por teléfono para confirmar; se le indicó el procedimiento del código de rescate.',
    },
    {
      subject: 'Cambio de correo del administrador',
      department: TicketDepartment.Support,
      customer: [
        'El administrador anterior ya no trabaja con nosotros; necesitamos cambiar el correo del usuario admin.',
        'Adjunto la carta firmada por el representante legal.',
      ],
      staff: [
        'Hola {nombre}, para cambiar el correo del administrador necesitamos la solicitud desde un correo registrado o una carta firmada por el representante legal.',
        'Listo, actualizamos el correo del usuario admin. Saludos, {agente}.',
      ],
      internal: 'El correo nuevo no está entre los registrados: no cambiar hasta recibir la carta.',
    },
    {
      subject: 'Factura con RFC incorrecto',
      department: TicketDepartment.Billing,
      customer: [
        'La factura de este mes salió con el RFC equivocado, ¿pueden cancelarla y emitirla de nuevo?',
        'Gracias, ya la recibimos correcta.',
      ],
      staff: [
        'Hola {nombre}, corregimos el RFC en su perfil y reemitimos la factura; la anterior quedó cancelada ante el SAT.',
        FOLLOW_UP,
      ],
      internal: 'Facturación confirma la cancelación; el folio nuevo ya se envió.',
    },
    {
      subject: 'No me llega el código de rescate',
      department: TicketDepartment.Technical,
      customer: [
        'Solicité el código de rescate dos veces y no me llega a ningún correo.',
        'Ya revisé spam y tampoco aparece.',
      ],
      staff: [
        'Hola {nombre}, el código se envía a los correos registrados de la cuenta; ¿puede revisar la carpeta de spam?',
        'Reenviamos el código; recuerde que vence en 60 minutos. Saludos, {agente}.',
      ],
      internal: 'El dominio del cliente rechazaba nuestros correos; se pidió agregarnos a la lista blanca.',
    },
    {
      subject: 'Agregar usuario para el contador',
      department: TicketDepartment.Support,
      customer: ['Necesitamos que nuestro contador tenga acceso para descargar las facturas.'],
      staff: [
        'Hola {nombre}, el usuario admin puede invitarlo desde Usuarios; si lo prefiere, lo asociamos nosotros con permisos de facturas.',
        FOLLOW_UP,
      ],
      internal: 'El contador ya atiende a otros clientes: se asocia su usuario existente.',
    },
    {
      subject: 'Usuario bloqueado por intentos fallidos',
      department: TicketDepartment.Technical,
      customer: ['Mi usuario quedó bloqueado después de varios intentos, ¿pueden desbloquearlo?'],
      staff: [
        'Hola {nombre}, el bloqueo se levanta solo en 15 minutos; después puede restablecer su contraseña.',
        FOLLOW_UP,
      ],
      internal: 'Intentos desde una IP desconocida: se recomendó cambiar la contraseña.',
    },
    {
      subject: 'Cotización para ampliar el plan',
      department: TicketDepartment.Sales,
      customer: [
        'Queremos ampliar el plan a 500 facturas mensuales, ¿nos envían cotización?',
        'Perfecto, procedan con el cambio.',
      ],
      staff: [
        'Hola {nombre}, le enviamos la cotización al correo del administrador.',
        'Plan actualizado. Saludos, {agente}.',
      ],
      internal: 'Aplicar el descuento anual acordado por ventas.',
    },
  ],
  en: [
    {
      subject: "I can't sign in to the client area",
      department: TicketDepartment.Support,
      customer: ['Hi, since this morning my password is rejected when I sign in.', 'It works now, thank you.'],
      staff: [
        'Hi {nombre}, we have sent a password reset link to your registered address; it expires in 60 minutes.',
        'Did that solve it? We will close this ticket in 48 hours. Regards, {agente}.',
      ],
      internal: 'Identity checked against the client key and the registered email.',
    },
    {
      subject: 'Please update our billing email',
      department: TicketDepartment.Billing,
      customer: ['Our invoices should go to our new accounts address from next month.'],
      staff: [
        'Hi {nombre}, the account owner can change it under Contacts, or reply from a registered address and we will do it.',
        'Done. Regards, {agente}.',
      ],
      internal: 'Request came from a registered address: OK to change.',
    },
  ],
};

export const NOTE_BODIES: readonly string[] = [
  'Prefiere que lo contacten por teléfono por la mañana.',
  'Antes de cambiar el correo del administrador, verificar identidad con el RFC y una carta firmada.',
  'El contador atiende varias cuentas; confirmar con el dueño antes de ampliarle permisos.',
  'Cliente con pagos puntuales desde su alta.',
  'Pidió que las facturas lleguen también a facturación.',
  'Tuvo problemas con correos rechazados por su servidor; revisar spam antes de reenviar.',
  'Migró desde otro sistema de facturación; revisar folios anteriores si pregunta.',
  'Solicitó baja de un usuario que ya no labora en la empresa.',
  'Atender en inglés: su equipo de administración está en Estados Unidos.',
  'Se le explicó el procedimiento del código de rescate por teléfono.',
];

const SKIPPED_WORDS = new Set(['DE', 'DEL', 'LA', 'LAS', 'EL', 'LOS', 'Y', 'E', 'EN', 'CON', 'PARA', 'POR']);
/** SAT replaces the last letter of these four-letter starts with X (the RFC rules' list of inconvenient words). */
const INCONVENIENT = new Set(
  (
    'BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COJA COJE COJI COJO CULO FETO GUEY ' +
    'JOTO KACA KACO KAGA KAGO KOGE KOJO KAKA KULO MAME MAMO MEAR MEAS MEON MION MOCO MULA PEDA PEDO PENE ' +
    'PUTA PUTO QULO RATA RUIN'
  ).split(' '),
);

/** The upper-case, accent-free words an RFC is made of, without articles and prepositions. */
function rfcWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((word) => word && !SKIPPED_WORDS.has(word));
}

function yymmdd(date: Date): string {
  return date.toISOString().slice(2, 10).replace(/-/g, '');
}

/** A company's RFC (12): three letters of its name without the legal form, founding date, homoclave, check digit. */
export function companyRfc(tradeName: string, founded: Date, homoclave: string): string {
  const words = rfcWords(tradeName);
  const letters =
    words.length >= 3
      ? words
          .slice(0, 3)
          .map((w) => w[0])
          .join('')
      : words.length === 2
        ? words[0][0] + words[1].slice(0, 2)
        : (words[0] ?? '').padEnd(3, 'X').slice(0, 3);
  const body = `${letters}${yymmdd(founded)}${homoclave}`;
  return body + rfcCheckDigit(body);
}

/** A person's RFC (13): from the surnames, the first name (the second one after María or José), birth date. */
export function personRfc(firstName: string, lastNames: string, born: Date, homoclave: string): string {
  const [paternal = 'X', maternal = 'X'] = rfcWords(lastNames);
  const names = rfcWords(firstName);
  const given = names.length > 1 && ['MARIA', 'MA', 'JOSE', 'J'].includes(names[0]) ? names[1] : (names[0] ?? 'X');
  const vowel = paternal.slice(1).match(/[AEIOU]/)?.[0] ?? 'X';
  let letters = `${paternal[0]}${vowel}${maternal[0]}${given[0]}`;
  if (INCONVENIENT.has(letters)) letters = `${letters.slice(0, 3)}X`;
  const body = `${letters}${yymmdd(born)}${homoclave}`;
  return body + rfcCheckDigit(body);
}

/** Lower-case ASCII for user names, mailbox names and domains: "Ferretería El Tornillo" → "ferreteria-el-tornillo". */
export function slug(text: string, separator = ''): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(separator);
}
