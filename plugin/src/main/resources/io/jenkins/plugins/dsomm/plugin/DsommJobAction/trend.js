/* The DSOMM trends (job page box and the job's DSOMM page): each chart asks its bound proxy (st:bind) for the model
   the job action computes from the builds' summaries, and draws it with the echarts library of echarts-api. The
   legend wraps instead of paging, the y axis has whole numbers, a build without a value is a gap. A click on a build
   opens its DSOMM page. Series names and labels are set as text by echarts, never as markup. */
window.addEventListener("DOMContentLoaded", () => {
  const style = getComputedStyle(document.body);
  const text = (style.getPropertyValue("--text-color") || "#333").trim();
  const grid = (style.getPropertyValue("--light-grey") || "#ddd").trim();

  function render(element, json) {
    const model = JSON.parse(echartsJenkinsApi.resolveJenkinsColors(json));
    const chart = echarts.init(element);
    const compact = element.classList.contains("dsomm-trend--box");
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "plain", top: 0, left: "center", itemGap: compact ? 6 : 14,
        textStyle: { color: text, fontSize: compact ? 11 : 12 } },
      grid: { left: 8, right: 16, top: compact ? 56 : 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", boundaryGap: false, data: model.domainAxisLabels,
        axisLabel: { color: text, hideOverlap: true } },
      yAxis: { type: "value", min: model.rangeMin ?? 0, max: model.rangeMax ?? null, minInterval: 1,
        axisLabel: { color: text }, splitLine: { lineStyle: { color: grid } } },
      series: model.series.map((s) => ({ name: s.name, type: "line", symbol: "circle", symbolSize: 6,
        data: s.data, itemStyle: s.itemStyle, lineStyle: { color: s.itemStyle && s.itemStyle.color },
        connectNulls: false })),
    });
    const suffix = element.getAttribute("data-build-suffix") || "";
    chart.on("click", (params) => {
      const build = model.buildNumbers ? model.buildNumbers[params.dataIndex] : undefined;
      if (build !== undefined) {
        window.location.assign(build + "/" + suffix);
      }
    });
    window.addEventListener("resize", () => chart.resize());
  }

  document.querySelectorAll(".dsomm-trend[data-proxy]").forEach((element) => {
    const proxy = window[element.getAttribute("data-proxy")];
    if (proxy) {
      proxy.getConfigurableBuildTrendModel("{}", (response) => {
        const answer = response.responseJSON; // the model as JSON text (the Java method returns a String)
        render(element, typeof answer === "string" ? answer : JSON.stringify(answer));
      });
    }
  });
});
