
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll("#findings a[data-status]"));
  var showAgree = document.getElementById("show-agree");
  var showSingle = document.getElementById("show-single");
  var chosen = null;

  function linkFor(id) {
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === "#" + id) return links[i];
    }
    return null;
  }

  function listed(link) {
    var status = link.dataset.status;
    if (status === "agree") return showAgree.checked;
    if (status === "single") return showSingle.checked;
    return true;
  }

  function marksOf(story, claim) {
    return story.querySelectorAll('mark[data-c~="' + claim + '"]');
  }

  function scrollColumns(story) {
    story.querySelectorAll(".article").forEach(function (column) {
      var mark = column.querySelector("mark.on");
      column.parentNode.classList.toggle("without", !mark);
      if (mark && column.scrollHeight > column.clientHeight) {
        column.scrollTop = Math.max(0, mark.offsetTop - 3 * parseFloat(getComputedStyle(column).lineHeight));
      }
    });
  }

  function select(id) {
    var detail = id && document.getElementById(id);
    if (!detail || !detail.classList.contains("detail")) return false;
    document.querySelectorAll(".on").forEach(function (el) { el.classList.remove("on"); });
    document.querySelectorAll("section.story.current").forEach(function (el) { el.classList.remove("current"); });
    var story = detail.closest("section.story");
    story.classList.add("current");
    detail.classList.add("on");
    detail.dataset.claims.split(" ").forEach(function (claim) {
      marksOf(story, claim).forEach(function (mark) { mark.classList.add("on"); });
    });
    var link = linkFor(id);
    if (link) {
      if (link.dataset.status === "agree") showAgree.checked = true;
      if (link.dataset.status === "single") showSingle.checked = true;
      link.parentNode.classList.add("on");
      var group = link.closest("details");
      if (group) group.open = true;
      link.scrollIntoView({ block: "nearest" });
    }
    chosen = detail;
    document.body.dataset.chosen = id;
    scrollColumns(story);
    return true;
  }

  function fromFragment() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (malformed) {
      return false;
    }
    if (select(id)) return true;
    var detail = id && document.querySelector('.detail[data-claims~="' + CSS.escape(id) + '"]');
    if (!detail) return false;
    select(detail.id);  // a link to one claim: its finding, then the claim
    document.getElementById(id).scrollIntoView({ block: "center" });
    return true;
  }

  function step(delta) {
    var shown = links.filter(listed);
    if (!shown.length) return;
    var at = chosen ? shown.indexOf(linkFor(chosen.id)) : -1;
    var next = at < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, at + delta));
    location.hash = shown[next].getAttribute("href");
  }

  // Clicking an outlined claim goes to the same fact's claim in the next source.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.on");
    if (!mark || !chosen) return;
    var claims = chosen.dataset.claims.split(" ");
    var mine = mark.dataset.c.split(" ");
    var at = claims.findIndex(function (c) { return mine.indexOf(c) >= 0; });
    var column = mark.closest(".source");
    for (var k = 1; k <= claims.length; k++) {
      var other = marksOf(chosen.closest("section.story"), claims[(at + k) % claims.length])[0];
      if (other && (other.closest(".source") !== column || k === claims.length)) {
        other.scrollIntoView({ block: "center", inline: "nearest" });
        other.classList.add("flash");
        setTimeout(function () { other.classList.remove("flash"); }, 900);
        break;
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
  });

  window.addEventListener("hashchange", fromFragment);
  if (!fromFragment()) {
    var first = links.filter(listed)[0];
    if (first) select(first.getAttribute("href").slice(1));
  }
  document.documentElement.dataset.ready = "true";
})();
