// Lays out what CSS alone cannot, before the page is printed (GB/T 9704): the red 发文机关标志 shrinks until its
// longest line fits the 版心 (2 pt at a time, not below 3号); the 版记, printed on a page of its own by default,
// moves to the foot of the document's last page when that page has room for it. Only that page is measured: it
// starts at a forced page break (the last 附件) or at the top of the document, so its height on screen is its
// height in print (the body is the 版心's width in both).
document.addEventListener('DOMContentLoaded', function () {
  var pt = 96 / 72, mm = 96 / 25.4;
  document.querySelectorAll('.red-head').forEach(function (head) {
    var size = parseFloat(getComputedStyle(head).fontSize);
    while (size > 16 * pt && head.scrollWidth > head.clientWidth) { size -= 2 * pt; head.style.fontSize = size + 'px'; }
  });
  var page = document.querySelector('.colophon-page');
  if (!page) return;
  var annexes = document.querySelectorAll('section.annex');
  var start = annexes.length ? annexes[annexes.length - 1] : document.body.firstElementChild;
  var used = page.getBoundingClientRect().top - start.getBoundingClientRect().top;
  var room = 225 * mm - 2 - used - 6; // 6 px to spare against rounding
  if (room >= page.firstElementChild.getBoundingClientRect().height) {
    page.style.breakBefore = 'auto';
    page.style.height = room + 'px';
  }
});
