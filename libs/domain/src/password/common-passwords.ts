/**
 * Long passwords and passphrases seen again and again in breach corpora, which the zxcvbn list
 * (mostly shorter than our 15-character minimum) misses. Lower case; the lookup folds accents.
 * Add entries freely: the list is read once into a set, its size costs nothing per check.
 */
export const LONG_COMMON_PASSWORDS: readonly string[] = [
  // English
  'passwordpassword', 'password12345678', 'password1234567890', 'passwordpassword1',
  'mypasswordis1234', 'thisismypassword', 'p@ssw0rdp@ssw0rd', 'changemechangeme',
  'changeme12345678', 'letmeinletmein', 'letmein123456789', 'welcome123456789',
  'welcometothejungle', 'trustno1trustno1', 'iloveyouiloveyou', 'iloveyoubaby1234',
  'iloveyouforever', 'iloveyousomuch123', 'ilovemyfamily123', 'ilovemymom12345',
  'correcthorsebatterystaple', 'thequickbrownfox', 'thequickbrownfoxjumpsoverthelazydog',
  'nevergonnagiveyouup', 'administrator123', 'administrator1234', 'adminadminadmin',
  'princessprincess', 'sunshinesunshine', 'starwarsstarwars', 'football12345678',
  'baseball12345678', 'superman12345678', 'godisgood123456', 'jesuschrist1234',
  // Digits and keyboard walks
  '123456789012345', '1234567890123456', '12345678901234567890', '123456789123456789',
  '111111111111111', '000000000000000', 'qwertyuiopasdfghjkl', 'qwertyuiopasdfgh',
  'qwertyuiop123456', '1q2w3e4r5t6y7u8i', '1qaz2wsx3edc4rfv5tgb', 'zaq12wsxcde34rfv',
  // Spanish
  'contraseñacontraseña', 'contraseña123456', 'micontraseña1234', 'micontraseñasegura',
  'estaesmicontraseña', 'clavesegura12345', 'administrador123', 'administrador1234',
  'usuario123456789', 'usuariousuario', 'bienvenido123456', 'cambiamecambiame',
  'teamomuchoteamo', 'teamoteamoteamo', 'teamomivida1234', 'tequieromucho123',
  'tequieromuchoamor', 'holaholaholahola', 'holamundo1234567', 'diosesamor12345',
  'diosteama123456', 'mariposamariposa', 'princesa12345678', 'futbolfutbolfutbol',
  'barcelona1234567', 'realmadrid12345', 'realmadridcampeon', 'halamadrid12345',
  'atleticodemadrid', 'soporte123456789',
  // Our own service
  'keydeskkeydesk', 'keydesk123456789', 'keydeskadmin1234', 'keydesksoporte123',
];

/**
 * Words of the service itself (NIST's "context-specific words"): a password containing one
 * anywhere is the first thing an attacker of this service tries.
 */
export const SERVICE_WORDS: readonly string[] = ['keydesk'];
