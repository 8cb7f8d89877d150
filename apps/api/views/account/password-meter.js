/* global document */
// Progressive enhancement of the reset form: a length meter while typing. The server's check is
// the one that counts (and also refuses common, repetitive or personal passwords).
(function () {
  var box = document.getElementById('password-meter');
  var input = document.getElementById('password');
  if (!box || !input) return;
  var meter = box.querySelector('meter');
  var text = document.getElementById('password-meter-text');
  var min = Number(box.getAttribute('data-min-length'));
  var levels = (box.getAttribute('data-levels') || '').split('|');
  var template = box.getAttribute('data-text') || '';
  box.hidden = false;
  function update() {
    var length = Array.from(input.value).length;
    var score = length === 0 ? 0 : length < min ? 1 : length < min + 5 ? 2 : length < min + 10 ? 3 : 4;
    meter.value = score;
    text.textContent =
      template.replace('{length}', String(length)).replace('{min}', String(min)) +
      (levels[score] ? ' ' + levels[score] : '');
  }
  input.addEventListener('input', update);
  update();
})();
