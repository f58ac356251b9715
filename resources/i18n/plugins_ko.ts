<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>PipResult</name>
    <message>
        <source>Cancelled: pip {action} {target} was stopped; nothing else changed.</source>
        <translation>취소됨: pip {action} {target}을(를) 중지했습니다. 다른 것은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>pip could not run: {reason}</source>
        <translation>pip을 실행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>pip {action} {target} finished.</source>
        <translation>pip {action} {target}이(가) 끝났습니다.</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>출력 없음</translation>
    </message>
    <message>
        <source>pip {action} failed (exit code {code}): {reason}</source>
        <translation>pip {action} 실패 (종료 코드 {code}): {reason}</translation>
    </message>
</context>
<context>
    <name>PipRunner</name>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>pip is already running; wait for it or cancel it first</source>
        <translation>pip이 이미 실행 중입니다. 끝나기를 기다리거나 먼저 취소하십시오</translation>
    </message>
    <message>
        <source>{python} could not be started ({reason})</source>
        <translation>{python}을(를) 시작할 수 없습니다 ({reason})</translation>
    </message>
</context>
<context>
    <name>PluginList</name>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>partly failed</source>
        <translation>일부 실패</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Schedulers</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>콜백</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>{count} model</source>
        <translation>모델 {count}개</translation>
    </message>
    <message>
        <source>{count} models</source>
        <translation>모델 {count}개</translation>
    </message>
    <message>
        <source>{count} dataset</source>
        <translation>데이터셋 {count}개</translation>
    </message>
    <message>
        <source>{count} datasets</source>
        <translation>데이터셋 {count}개</translation>
    </message>
    <message>
        <source>{count} transform</source>
        <translation>변형 {count}개</translation>
    </message>
    <message>
        <source>{count} transforms</source>
        <translation>변형 {count}개</translation>
    </message>
    <message>
        <source>{count} optimizer</source>
        <translation>옵티마이저 {count}개</translation>
    </message>
    <message>
        <source>{count} optimizers</source>
        <translation>옵티마이저 {count}개</translation>
    </message>
    <message>
        <source>{count} loss</source>
        <translation>손실 {count}개</translation>
    </message>
    <message>
        <source>{count} losses</source>
        <translation>손실 {count}개</translation>
    </message>
    <message>
        <source>{count} scheduler</source>
        <translation>스케줄러 {count}개</translation>
    </message>
    <message>
        <source>{count} schedulers</source>
        <translation>스케줄러 {count}개</translation>
    </message>
    <message>
        <source>{count} callback</source>
        <translation>콜백 {count}개</translation>
    </message>
    <message>
        <source>{count} callbacks</source>
        <translation>콜백 {count}개</translation>
    </message>
    <message>
        <source>{count} metric</source>
        <translation>지표 {count}개</translation>
    </message>
    <message>
        <source>{count} metrics</source>
        <translation>지표 {count}개</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>배포 패키지</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>제공</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Import time</source>
        <translation>가져오기 시간</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>불러오지 않음</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Every plugin found through the &apos;torchdesk&apos; entry points</source>
        <translation>&apos;torchdesk&apos; 진입점으로 찾은 모든 플러그인</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <source>Plugin</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>배포 패키지</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>제공</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Import time</source>
        <translation>가져오기 시간</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Plugins are found through the &apos;torchdesk&apos; entry-point group of every installed Python package</source>
        <translation>플러그인은 설치된 모든 Python 패키지의 &apos;torchdesk&apos; 진입점 그룹에서 찾습니다</translation>
    </message>
    <message>
        <source>Python cannot replace code it has already imported; quit and start torchdesk again</source>
        <translation>Python은 이미 가져온 코드를 바꿀 수 없습니다. torchdesk를 종료하고 다시 시작하십시오</translation>
    </message>
    <message>
        <source>Every plugin torchdesk found. Tick or untick a plugin to switch it on or off (remembered across launches); select one to see its details.</source>
        <translation>torchdesk가 찾은 모든 플러그인입니다. 체크하거나 해제해 켜고 끕니다 (다음 실행에도 기억). 하나를 선택하면 자세한 내용이 보입니다.</translation>
    </message>
    <message>
        <source>What the selected plugin provides and, for a failed one, the error with its traceback</source>
        <translation>선택한 플러그인이 제공하는 것과, 실패한 플러그인이면 오류와 traceback</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>끄기(&amp;D)</translation>
    </message>
    <message>
        <source>Switch the selected plugin off or on (Ctrl+E); remembered across launches</source>
        <translation>선택한 플러그인을 끄거나 켭니다 (Ctrl+E). 다음 실행에도 기억합니다</translation>
    </message>
    <message>
        <source>&amp;Uninstall…</source>
        <translation>제거(&amp;U)…</translation>
    </message>
    <message>
        <source>Remove the selected plugin&apos;s package with pip (Del)</source>
        <translation>선택한 플러그인의 패키지를 pip으로 제거합니다 (Del)</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>다시 찾기(&amp;R)</translation>
    </message>
    <message>
        <source>Look for plugins again (F5), e.g. after installing one from a terminal</source>
        <translation>플러그인을 다시 찾습니다 (F5). 예: 터미널에서 설치한 뒤</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>자세히 복사(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the selected plugin&apos;s details and traceback, e.g. for a bug report</source>
        <translation>선택한 플러그인의 자세한 내용과 traceback을 복사합니다 (예: 버그 보고용)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close this window (pip keeps running if it is busy)</source>
        <translation>이 창을 닫습니다 (실행 중인 pip은 계속 실행됨)</translation>
    </message>
    <message>
        <source>Install a plugin</source>
        <translation>플러그인 설치</translation>
    </message>
    <message>
        <source>Package name (e.g. torchdesk-plugin-example), wheel file or project folder</source>
        <translation>패키지 이름 (예: torchdesk-plugin-example), wheel 파일 또는 프로젝트 폴더</translation>
    </message>
    <message>
        <source>What to give pip: a name from the package index, a .whl file or a folder with a pyproject.toml (Ctrl+I)</source>
        <translation>pip에 넘길 대상: 패키지 색인의 이름, .whl 파일 또는 pyproject.toml이 있는 폴더 (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Wheel…</source>
        <translation>Wheel(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose a wheel (.whl) file to install</source>
        <translation>설치할 wheel (.whl) 파일을 고릅니다</translation>
    </message>
    <message>
        <source>F&amp;older…</source>
        <translation>폴더(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose a project folder (with pyproject.toml or setup.py) to install</source>
        <translation>설치할 프로젝트 폴더 (pyproject.toml 또는 setup.py 포함)를 고릅니다</translation>
    </message>
    <message>
        <source>Upgrade if installed</source>
        <translation>설치되어 있으면 업그레이드</translation>
    </message>
    <message>
        <source>Pass --upgrade to pip so a newer version replaces an installed one</source>
        <translation>pip에 --upgrade를 넘겨 설치된 버전을 새 버전으로 바꿉니다</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>설치(&amp;I)</translation>
    </message>
    <message>
        <source>Run pip install for torchdesk&apos;s own Python (Enter in the field)</source>
        <translation>torchdesk 자체 Python으로 pip install을 실행합니다 (입력란에서 Enter)</translation>
    </message>
    <message>
        <source>pip&apos;s output appears here while it runs.</source>
        <translation>pip이 실행되는 동안 출력이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>pip&apos;s own output, live</source>
        <translation>pip 자체 출력 (실시간)</translation>
    </message>
    <message>
        <source>Installing runs pip for torchdesk&apos;s own Python; new components appear in the pickers right away. A plugin runs with your permissions: install only packages you trust.</source>
        <translation>설치하면 torchdesk 자체 Python으로 pip을 실행하고, 새 구성 요소는 곧바로 선택 목록에 나타납니다. 플러그인은 사용자 권한으로 실행되므로 신뢰하는 패키지만 설치하십시오.</translation>
    </message>
    <message>
        <source>How the last pip run ended</source>
        <translation>마지막 pip 실행 결과</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop pip now; what it had not finished is left as it was</source>
        <translation>pip을 지금 멈춥니다. 끝내지 못한 작업은 그대로 남습니다</translation>
    </message>
    <message>
        <source>{count} partly failed, </source>
        <translation>일부 실패 {count}, </translation>
    </message>
    <message>
        <source>{total} plugins: {active} active, {partly}{disabled} disabled, {failed} failed</source>
        <translation>플러그인 {total}개: 활성 {active}, {partly}꺼짐 {disabled}, 실패 {failed}</translation>
    </message>
    <message>
        <source>{state} (restart needed)</source>
        <translation>{state} (다시 시작 필요)</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}: {state}</translation>
    </message>
    <message>
        <source>Untick to switch this plugin off (remembered)</source>
        <translation>체크를 해제하면 이 플러그인을 끕니다 (기억됨)</translation>
    </message>
    <message>
        <source>Third-party plugins are off (TORCHDESK_DISABLE_THIRD_PARTY is set)</source>
        <translation>외부 플러그인이 꺼져 있습니다 (TORCHDESK_DISABLE_THIRD_PARTY 설정됨)</translation>
    </message>
    <message>
        <source>How long importing this plugin and asking it for its components took; torchdesk waits for it at every start</source>
        <translation>이 플러그인을 가져오고 구성 요소를 받는 데 걸린 시간. torchdesk는 시작할 때마다 이를 기다립니다</translation>
    </message>
    <message>
        <source>Select a plugin to see its details.</source>
        <translation>플러그인을 선택하면 자세한 내용이 보입니다.</translation>
    </message>
    <message>
        <source>Distribution &lt;b&gt;{distribution}&lt;/b&gt; {version} (part of torchdesk)</source>
        <translation>배포 패키지 &lt;b&gt;{distribution}&lt;/b&gt; {version} (torchdesk에 포함)</translation>
    </message>
    <message>
        <source>Distribution &lt;b&gt;{distribution}&lt;/b&gt; {version}</source>
        <translation>배포 패키지 &lt;b&gt;{distribution}&lt;/b&gt; {version}</translation>
    </message>
    <message>
        <source>Module &lt;code&gt;{module}&lt;/code&gt;</source>
        <translation>모듈 &lt;code&gt;{module}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>State: &lt;b&gt;{state}&lt;/b&gt;</source>
        <translation>상태: &lt;b&gt;{state}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Import time: {time}</source>
        <translation>가져오기 시간: {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restart needed:&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;다시 시작 필요:&lt;/b&gt; {reason}</translation>
    </message>
    <message>
        <source>Switched off: tick it in the list to load it again.</source>
        <translation>꺼져 있습니다: 목록에서 체크하면 다시 불러옵니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restart needed.&lt;/b&gt; {reasons}</source>
        <translation>&lt;b&gt;다시 시작해야 합니다.&lt;/b&gt; {reasons}</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>켜기(&amp;E)</translation>
    </message>
    <message>
        <source>Built-in plugins are part of torchdesk and cannot be uninstalled; untick them to switch them off</source>
        <translation>기본 플러그인은 torchdesk의 일부라 제거할 수 없습니다. 끄려면 체크를 해제하십시오</translation>
    </message>
    <message>
        <source>{name} is switched on; torchdesk remembers this next time.</source>
        <translation>{name}을(를) 켰습니다. torchdesk가 다음에도 기억합니다.</translation>
    </message>
    <message>
        <source>{name} is switched off; torchdesk remembers this next time.</source>
        <translation>{name}을(를) 껐습니다. torchdesk가 다음에도 기억합니다.</translation>
    </message>
    <message>
        <source>Rescanning the plugins failed: {reason}</source>
        <translation>플러그인을 다시 찾지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Choose a wheel to install</source>
        <translation>설치할 wheel 고르기</translation>
    </message>
    <message>
        <source>Wheels (*.whl)</source>
        <translation>Wheel 파일 (*.whl)</translation>
    </message>
    <message>
        <source>Choose a plugin project folder</source>
        <translation>플러그인 프로젝트 폴더 고르기</translation>
    </message>
    <message>
        <source>Uninstall {distribution} {version} with pip?</source>
        <translation>{distribution} {version}을(를) pip으로 제거할까요?</translation>
    </message>
    <message>
        <source>It also removes the plugins {names}.</source>
        <translation>플러그인 {names}도 함께 제거됩니다.</translation>
    </message>
    <message>
        <source>pip is running…</source>
        <translation>pip 실행 중…</translation>
    </message>
    <message>
        <source>{distribution} {new} is installed, but the running app still uses {old}: restart torchdesk to use {new}.</source>
        <translation>{distribution} {new}이(가) 설치되었지만 실행 중인 앱은 아직 {old}을(를) 씁니다: {new}을(를) 쓰려면 torchdesk를 다시 시작하십시오.</translation>
    </message>
    <message>
        <source>New in the pickers: {components}.</source>
        <translation>선택 목록에 새로 추가됨: {components}.</translation>
    </message>
    <message>
        <source>No longer offered: {components}.</source>
        <translation>더 이상 제공되지 않음: {components}.</translation>
    </message>
    <message>
        <source>No new plugin components appeared: the package may be installed already, or it has no entry point in the &apos;torchdesk&apos; group.</source>
        <translation>새 플러그인 구성 요소가 나타나지 않았습니다: 패키지가 이미 설치되어 있거나 &apos;torchdesk&apos; 그룹에 진입점이 없을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>classes</name>
    <message>
        <source>T-shirt/top</source>
        <translation>티셔츠/탑</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>바지</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>풀오버</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>드레스</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>코트</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>샌들</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>셔츠</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>스니커즈</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>앵클 부츠</translation>
    </message>
    <message>
        <source>o</source>
        <translation>오(o)</translation>
    </message>
    <message>
        <source>ki</source>
        <translation>키</translation>
    </message>
    <message>
        <source>su</source>
        <translation>스</translation>
    </message>
    <message>
        <source>tsu</source>
        <translation>쓰</translation>
    </message>
    <message>
        <source>na</source>
        <translation>나</translation>
    </message>
    <message>
        <source>ha</source>
        <translation>하</translation>
    </message>
    <message>
        <source>ma</source>
        <translation>마</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>야</translation>
    </message>
    <message>
        <source>re</source>
        <translation>레</translation>
    </message>
    <message>
        <source>wo</source>
        <translation>오(wo)</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>비행기</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>자동차</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>새</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>사슴</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>개</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>개구리</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>말</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>배</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>트럭</translation>
    </message>
</context>
<context>
    <name>components</name>
    <message>
        <source>Early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>Stops training when the test loss stops improving.</source>
        <translation>테스트 손실이 더 나아지지 않으면 학습을 멈춥니다.</translation>
    </message>
    <message>
        <source>Epochs without improvement before stopping.</source>
        <translation>멈추기 전까지 개선 없이 기다릴 에폭 수.</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>인내</translation>
    </message>
    <message>
        <source>The smallest drop of the test loss that counts.</source>
        <translation>개선으로 인정할 테스트 손실의 최소 감소량.</translation>
    </message>
    <message>
        <source>Min delta</source>
        <translation>최소 변화량</translation>
    </message>
    <message>
        <source>Share held out for testing when there is no test split.</source>
        <translation>테스트 분할이 없을 때 테스트용으로 떼어 둘 비율.</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>Handwritten digits 0–9, 28×28 grey (60,000 train / 10,000 test).</source>
        <translation>손글씨 숫자 0–9, 28×28 흑백 (학습 60,000 / 테스트 10,000).</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Zalando&apos;s clothing images in ten classes, 28×28 grey (60,000 / 10,000).</source>
        <translation>Zalando의 옷 이미지 10개 클래스, 28×28 흑백 (60,000 / 10,000).</translation>
    </message>
    <message>
        <source>KMNIST</source>
        <translation>KMNIST</translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST: ten cursive hiragana, 28×28 grey.</source>
        <translation>Kuzushiji-MNIST: 초서체 히라가나 10자, 28×28 흑백.</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>Small colour photos in ten classes, 3×32×32 (50,000 / 10,000).</source>
        <translation>10개 클래스의 작은 컬러 사진, 3×32×32 (50,000 / 10,000).</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>이미지 폴더</translation>
    </message>
    <message>
        <source>Your own images: one subfolder per class (optionally inside train/ and test/).</source>
        <translation>직접 준비한 이미지: 클래스마다 하위 폴더 하나 (train/과 test/ 안에 둘 수도 있음).</translation>
    </message>
    <message>
        <source>The folder holding one subfolder per class (default: the data folder).</source>
        <translation>클래스마다 하위 폴더가 하나씩 있는 폴더 (기본값: 데이터 폴더).</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Annotations CSV + images</source>
        <translation>주석 CSV + 이미지</translation>
    </message>
    <message>
        <source>The walkthrough&apos;s custom Dataset: a CSV of file name and label, and an image directory.</source>
        <translation>튜토리얼의 사용자 정의 Dataset: 파일 이름과 정답이 담긴 CSV와 이미지 디렉터리.</translation>
    </message>
    <message>
        <source>CSV with &apos;file name, label&apos; rows (default &lt;data&gt;/annotations.csv).</source>
        <translation>&apos;파일 이름, 정답&apos; 행으로 된 CSV (기본값 &lt;data&gt;/annotations.csv).</translation>
    </message>
    <message>
        <source>Annotations file</source>
        <translation>주석 파일</translation>
    </message>
    <message>
        <source>Directory holding the images (default &lt;data&gt;/images).</source>
        <translation>이미지가 있는 디렉터리 (기본값 &lt;data&gt;/images).</translation>
    </message>
    <message>
        <source>Img dir</source>
        <translation>이미지 디렉터리</translation>
    </message>
    <message>
        <source>Optional CSV for the test split.</source>
        <translation>테스트 분할용 CSV (선택).</translation>
    </message>
    <message>
        <source>Test annotations file</source>
        <translation>테스트 주석 파일</translation>
    </message>
    <message>
        <source>Let the CSV name images outside the image directory (absolute paths, &apos;..&apos;, links leading out).</source>
        <translation>CSV가 이미지 디렉터리 밖의 이미지를 가리키도록 허용 (절대 경로, &apos;..&apos;, 밖으로 향하는 링크).</translation>
    </message>
    <message>
        <source>Allow outside paths</source>
        <translation>외부 경로 허용</translation>
    </message>
    <message>
        <source>Cross entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>nn.CrossEntropyLoss: LogSoftmax and NLLLoss combined; the usual choice.</source>
        <translation>nn.CrossEntropyLoss: LogSoftmax와 NLLLoss를 합친 것으로, 흔히 쓰는 선택입니다.</translation>
    </message>
    <message>
        <source>Spread this much target mass over all classes.</source>
        <translation>정답 확률 중 이만큼을 모든 클래스에 고르게 나눕니다.</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>레이블 스무딩</translation>
    </message>
    <message>
        <source>Negative log likelihood</source>
        <translation>음의 로그 우도</translation>
    </message>
    <message>
        <source>nn.NLLLoss applied to log-softmax of the model&apos;s output.</source>
        <translation>모델 출력의 log-softmax에 nn.NLLLoss를 적용합니다.</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>nn.MSELoss against one-hot targets (a regression loss, shown for comparison).</source>
        <translation>원-핫 정답에 대한 nn.MSELoss (회귀 손실, 비교용으로 제공).</translation>
    </message>
    <message>
        <source>Compare softmax probabilities or raw logits.</source>
        <translation>softmax 확률과 원시 로짓 중 무엇을 비교할지.</translation>
    </message>
    <message>
        <source>probabilities</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>로짓</translation>
    </message>
    <message>
        <source>On</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <source>Top-5 accuracy</source>
        <translation>Top-5 정확도</translation>
    </message>
    <message>
        <source>How often the true class is among the five highest scores.</source>
        <translation>실제 클래스가 가장 높은 점수 다섯 개 안에 드는 비율.</translation>
    </message>
    <message>
        <source>How many of the highest scores count.</source>
        <translation>가장 높은 점수 몇 개까지 인정할지.</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>매크로 F1</translation>
    </message>
    <message>
        <source>F1 score per class, averaged so that every class counts alike.</source>
        <translation>클래스별 F1 점수를 모든 클래스가 같은 비중이 되도록 평균한 값.</translation>
    </message>
    <message>
        <source>MLP (walkthrough NeuralNetwork)</source>
        <translation>MLP (튜토리얼 NeuralNetwork)</translation>
    </message>
    <message>
        <source>The walkthrough&apos;s network: Flatten, Linear 784→512, ReLU, 512→512, ReLU, 512→10.</source>
        <translation>튜토리얼의 신경망: Flatten, Linear 784→512, ReLU, 512→512, ReLU, 512→10.</translation>
    </message>
    <message>
        <source>Width of the two hidden layers.</source>
        <translation>두 은닉 계층의 너비.</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>은닉 크기</translation>
    </message>
    <message>
        <source>Small CNN</source>
        <translation>작은 CNN</translation>
    </message>
    <message>
        <source>Three conv blocks with batch norm and a small classifier; ≥91% on Fashion-MNIST.</source>
        <translation>배치 정규화를 쓰는 합성곱 블록 3개와 작은 분류기; Fashion-MNIST에서 91% 이상.</translation>
    </message>
    <message>
        <source>Channels of the first conv block (doubled in each later block).</source>
        <translation>첫 합성곱 블록의 채널 수 (이후 블록마다 두 배).</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Dropout probability in the classifier.</source>
        <translation>분류기의 드롭아웃 확률.</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <source>A single linear layer on the flattened image: the simplest baseline.</source>
        <translation>펼친 이미지에 선형 계층 하나: 가장 단순한 기준 모델.</translation>
    </message>
    <message>
        <source>L2 penalty (decoupled for AdamW).</source>
        <translation>L2 페널티 (AdamW에서는 분리형).</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Decay of the running mean of gradients.</source>
        <translation>변화도 이동 평균의 감쇠율.</translation>
    </message>
    <message>
        <source>Beta1</source>
        <translation>Beta1</translation>
    </message>
    <message>
        <source>Decay of the running mean of squared gradients.</source>
        <translation>변화도 제곱 이동 평균의 감쇠율.</translation>
    </message>
    <message>
        <source>Beta2</source>
        <translation>Beta2</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Stochastic gradient descent, as in the walkthrough.</source>
        <translation>튜토리얼과 같은 확률적 경사 하강법.</translation>
    </message>
    <message>
        <source>Momentum factor (0 = plain SGD).</source>
        <translation>모멘텀 계수 (0 = 일반 SGD).</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Nesterov momentum (needs momentum &gt; 0).</source>
        <translation>Nesterov 모멘텀 (모멘텀 &gt; 0 필요).</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adaptive moments; a robust default.</source>
        <translation>적응적 모멘트; 무난한 기본값.</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay.</source>
        <translation>가중치 감쇠를 분리한 Adam.</translation>
    </message>
    <message>
        <source>Decoupled weight decay.</source>
        <translation>분리형 가중치 감쇠.</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Divides the step by a running RMS of gradients.</source>
        <translation>단계 크기를 변화도의 이동 RMS로 나눕니다.</translation>
    </message>
    <message>
        <source>Smoothing constant.</source>
        <translation>평활 상수.</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Momentum factor.</source>
        <translation>모멘텀 계수.</translation>
    </message>
    <message>
        <source>Cosine (anneal to 0)</source>
        <translation>코사인 (0까지 감소)</translation>
    </message>
    <message>
        <source>Lowers the learning rate smoothly to zero by the last batch.</source>
        <translation>마지막 배치까지 학습률을 0으로 부드럽게 낮춥니다.</translation>
    </message>
    <message>
        <source>Constant (as in the walkthrough)</source>
        <translation>고정 (튜토리얼과 같음)</translation>
    </message>
    <message>
        <source>Keeps the learning rate fixed for the whole run.</source>
        <translation>실행 내내 학습률을 고정합니다.</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>계단식 감소</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by gamma every few epochs.</source>
        <translation>몇 에폭마다 학습률에 gamma를 곱합니다.</translation>
    </message>
    <message>
        <source>Epochs between two decays.</source>
        <translation>두 번의 감소 사이 에폭 수.</translation>
    </message>
    <message>
        <source>Step epochs</source>
        <translation>감소 간격(에폭)</translation>
    </message>
    <message>
        <source>Factor applied at each decay.</source>
        <translation>감소할 때마다 곱하는 계수.</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>원사이클</translation>
    </message>
    <message>
        <source>Warms up to the learning rate, then anneals far below it (fast convergence).</source>
        <translation>학습률까지 워밍업한 뒤 훨씬 낮게 감소시킵니다 (빠른 수렴).</translation>
    </message>
    <message>
        <source>Part of the run spent warming up.</source>
        <translation>실행 중 워밍업에 쓰는 비율.</translation>
    </message>
    <message>
        <source>Warmup fraction</source>
        <translation>워밍업 비율</translation>
    </message>
    <message>
        <source>The rate starts at lr / this.</source>
        <translation>학습률은 lr / 이 값에서 시작합니다.</translation>
    </message>
    <message>
        <source>Start divisor</source>
        <translation>시작 나눗수</translation>
    </message>
    <message>
        <source>The rate ends at the start rate / this.</source>
        <translation>학습률은 시작 값 / 이 값에서 끝납니다.</translation>
    </message>
    <message>
        <source>End divisor</source>
        <translation>끝 나눗수</translation>
    </message>
    <message>
        <source>Start from torchvision&apos;s ImageNet weights (downloaded once into the torch hub cache). The classifier&apos;s last layer is always new; a stem for other than 3 channels is derived from the RGB weights.</source>
        <translation>torchvision의 ImageNet 가중치에서 시작합니다 (torch hub 캐시에 한 번 내려받음). 분류기의 마지막 계층은 항상 새로 만들고, 3채널이 아닌 stem은 RGB 가중치에서 만듭니다.</translation>
    </message>
    <message>
        <source>Pretrained</source>
        <translation>사전 학습 가중치</translation>
    </message>
    <message>
        <source>Train only the new classifier layer; every other parameter is frozen (useful with pretrained weights).</source>
        <translation>새 분류기 계층만 학습하고 나머지 매개변수는 모두 고정합니다 (사전 학습 가중치와 함께 쓰면 좋음).</translation>
    </message>
    <message>
        <source>Freeze backbone</source>
        <translation>백본 고정</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동 (auto)</translation>
    </message>
    <message>
        <source>imagenet</source>
        <translation>ImageNet (imagenet)</translation>
    </message>
    <message>
        <source>small</source>
        <translation>작은 이미지 (small)</translation>
    </message>
    <message>
        <source>&apos;small&apos; keeps early feature maps full size for small images (stride-1 stem, no early max-pool); &apos;imagenet&apos; is torchvision&apos;s original; &apos;auto&apos; picks &apos;small&apos; for images under 64 pixels a side.</source>
        <translation>&apos;small&apos;은 작은 이미지에서 초기 특징 맵을 원래 크기로 유지합니다 (stride-1 stem, 초기 max-pool 없음). &apos;imagenet&apos;은 torchvision 원본이고, &apos;auto&apos;는 한 변이 64픽셀 미만인 이미지에 &apos;small&apos;을 고릅니다.</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>스템</translation>
    </message>
    <message>
        <source>ResNet-18 (torchvision)</source>
        <translation>ResNet-18 (torchvision)</translation>
    </message>
    <message>
        <source>Residual network, 11M parameters; a stride-1 stem keeps small images detailed.</source>
        <translation>잔차 신경망, 매개변수 1100만 개; stride-1 stem이 작은 이미지의 세부를 지킵니다.</translation>
    </message>
    <message>
        <source>ResNet-34 (torchvision)</source>
        <translation>ResNet-34 (torchvision)</translation>
    </message>
    <message>
        <source>Deeper residual network, 21M parameters.</source>
        <translation>더 깊은 잔차 신경망, 매개변수 2100만 개.</translation>
    </message>
    <message>
        <source>MobileNetV3 Small (torchvision)</source>
        <translation>MobileNetV3 Small (torchvision)</translation>
    </message>
    <message>
        <source>Light network for phones, 1.5M parameters, squeeze-excitation blocks.</source>
        <translation>휴대폰용 가벼운 신경망, 매개변수 150만 개, squeeze-excitation 블록.</translation>
    </message>
    <message>
        <source>EfficientNet-B0 (torchvision)</source>
        <translation>EfficientNet-B0 (torchvision)</translation>
    </message>
    <message>
        <source>Compound-scaled network, 4M parameters.</source>
        <translation>복합 스케일링 신경망, 매개변수 400만 개.</translation>
    </message>
    <message>
        <source>VGG-11 (torchvision)</source>
        <translation>VGG-11 (torchvision)</translation>
    </message>
    <message>
        <source>Plain stack of 3x3 convolutions; large (about 130M parameters, 500 MB).</source>
        <translation>3x3 합성곱을 단순히 쌓은 신경망; 큼 (매개변수 약 1억 3천만 개, 500 MB).</translation>
    </message>
    <message>
        <source>Use VGG-11 with batch normalisation after each convolution.</source>
        <translation>합성곱마다 배치 정규화가 붙은 VGG-11을 씁니다.</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>SqueezeNet 1.1 (torchvision)</source>
        <translation>SqueezeNet 1.1 (torchvision)</translation>
    </message>
    <message>
        <source>Tiny network of fire modules, 1.2M parameters, convolutional classifier.</source>
        <translation>fire 모듈로 된 아주 작은 신경망, 매개변수 120만 개, 합성곱 분류기.</translation>
    </message>
    <message>
        <source>Largest rotation either way.</source>
        <translation>양방향 최대 회전 각도.</translation>
    </message>
    <message>
        <source>ToTensor</source>
        <translation>ToTensor</translation>
    </message>
    <message>
        <source>PIL image or ndarray to a float tensor, pixel values scaled to [0, 1].</source>
        <translation>PIL 이미지나 ndarray를 float 텐서로 바꾸고 픽셀 값을 [0, 1]로 조정합니다.</translation>
    </message>
    <message>
        <source>Normalize</source>
        <translation>Normalize</translation>
    </message>
    <message>
        <source>Subtract the mean and divide by the std per channel (dataset defaults with &apos;auto&apos;).</source>
        <translation>채널마다 평균을 빼고 표준편차로 나눕니다 (&apos;auto&apos;면 데이터셋 기본값).</translation>
    </message>
    <message>
        <source>Per-channel means, comma-separated, or &apos;auto&apos; for the dataset&apos;s.</source>
        <translation>채널별 평균 (쉼표로 구분), 또는 데이터셋 값을 쓰는 &apos;auto&apos;.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Per-channel standard deviations, comma-separated, or &apos;auto&apos;.</source>
        <translation>채널별 표준편차 (쉼표로 구분), 또는 &apos;auto&apos;.</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>One-hot target</source>
        <translation>원-핫 정답</translation>
    </message>
    <message>
        <source>The walkthrough&apos;s Lambda: turn the label y into a one-hot float vector with scatter_.</source>
        <translation>튜토리얼의 Lambda: scatter_로 정답 y를 원-핫 float 벡터로 바꿉니다.</translation>
    </message>
    <message>
        <source>Length of the one-hot vector.</source>
        <translation>원-핫 벡터의 길이.</translation>
    </message>
    <message>
        <source>Num classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Resize</translation>
    </message>
    <message>
        <source>Resize images to a square of the given size.</source>
        <translation>이미지를 주어진 크기의 정사각형으로 바꿉니다.</translation>
    </message>
    <message>
        <source>Side length in pixels.</source>
        <translation>한 변의 길이 (픽셀).</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Grayscale</translation>
    </message>
    <message>
        <source>Convert colour images to grey (1 or 3 channels).</source>
        <translation>컬러 이미지를 흑백으로 바꿉니다 (1 또는 3채널).</translation>
    </message>
    <message>
        <source>Channels of the result.</source>
        <translation>결과의 채널 수.</translation>
    </message>
    <message>
        <source>Num output channels</source>
        <translation>출력 채널 수</translation>
    </message>
    <message>
        <source>RandomRotation</source>
        <translation>RandomRotation</translation>
    </message>
    <message>
        <source>Rotate each image by a random angle.</source>
        <translation>각 이미지를 무작위 각도로 회전합니다.</translation>
    </message>
    <message>
        <source>Degrees</source>
        <translation>각도</translation>
    </message>
    <message>
        <source>RandomAffine</source>
        <translation>RandomAffine</translation>
    </message>
    <message>
        <source>Random rotation, shift, scale and shear for each image.</source>
        <translation>각 이미지에 무작위 회전, 이동, 크기 조절, 기울이기를 적용합니다.</translation>
    </message>
    <message>
        <source>Largest shift as a fraction of the size.</source>
        <translation>크기 대비 최대 이동 비율.</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Smallest scale factor.</source>
        <translation>최소 배율.</translation>
    </message>
    <message>
        <source>Scale min</source>
        <translation>최소 배율</translation>
    </message>
    <message>
        <source>Largest scale factor.</source>
        <translation>최대 배율.</translation>
    </message>
    <message>
        <source>Scale max</source>
        <translation>최대 배율</translation>
    </message>
    <message>
        <source>Largest shear angle either way.</source>
        <translation>양방향 최대 기울이기 각도.</translation>
    </message>
    <message>
        <source>Shear</source>
        <translation>기울이기</translation>
    </message>
    <message>
        <source>Stroke thickness</source>
        <translation>획 두께</translation>
    </message>
    <message>
        <source>Randomly thicken or thin bright strokes, like pens of other widths.</source>
        <translation>굵기가 다른 펜처럼 밝은 획을 무작위로 굵게 또는 가늘게 합니다.</translation>
    </message>
    <message>
        <source>Chance that an image is changed.</source>
        <translation>이미지가 바뀔 확률.</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Largest dilation/erosion radius in pixels.</source>
        <translation>최대 팽창/침식 반경 (픽셀).</translation>
    </message>
    <message>
        <source>Max radius</source>
        <translation>최대 반경</translation>
    </message>
</context>
<context>
    <name>plugins</name>
    <message>
        <source>Image paths must be relative to the image directory; to read images elsewhere on purpose, set the dataset parameter allow_outside_paths (--dataset-param allow_outside_paths=true).</source>
        <translation>이미지 경로는 이미지 디렉터리 기준의 상대 경로여야 합니다. 일부러 다른 곳의 이미지를 읽으려면 데이터셋 매개변수 allow_outside_paths를 설정하십시오 (--dataset-param allow_outside_paths=true).</translation>
    </message>
    <message>
        <source>{path} row {row} is not valid CSV ({reason}). Each row should be &apos;file name, class number&apos;.</source>
        <translation>{path} {row}행은 올바른 CSV가 아닙니다 ({reason}). 각 행은 &apos;파일 이름, 클래스 번호&apos; 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save it as a UTF-8 CSV file.</source>
        <translation>{path}: UTF-8 텍스트가 아닙니다. UTF-8 CSV 파일로 저장하십시오.</translation>
    </message>
    <message>
        <source>{path} row {row}</source>
        <translation>{path} {row}행</translation>
    </message>
    <message>
        <source>{where}: the image path is {length:,} characters long; no real path is.</source>
        <translation>{where}: 이미지 경로가 {length:,}자입니다. 실제 경로는 이렇게 길지 않습니다.</translation>
    </message>
    <message>
        <source>{where}: {name} has no label. Each row should be &apos;file name, class number&apos;.</source>
        <translation>{where}: {name}에 정답이 없습니다. 각 행은 &apos;파일 이름, 클래스 번호&apos; 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: the label {label} is not a class number. Labels are whole numbers from 0 to {last:,}.</source>
        <translation>{where}: 정답 {label}은(는) 클래스 번호가 아닙니다. 정답은 0부터 {last:,}까지의 정수입니다.</translation>
    </message>
    <message>
        <source>{where}: the label {label:,} is outside the class numbers 0 to {last:,} (at most {limit:,} classes). Number the classes from 0.</source>
        <translation>{where}: 정답 {label:,}이(가) 클래스 번호 0–{last:,} 범위를 벗어납니다 (클래스는 최대 {limit:,}개). 클래스 번호는 0부터 매기십시오.</translation>
    </message>
    <message>
        <source>{where}: the image path {name} leaves the image directory. {fix}</source>
        <translation>{where}: 이미지 경로 {name}이(가) 이미지 디렉터리 밖을 가리킵니다. {fix}</translation>
    </message>
    <message>
        <source>{path} leads outside the image directory {folder} (through a link). {fix}</source>
        <translation>{path}이(가) 링크를 거쳐 이미지 디렉터리 {folder} 밖을 가리킵니다. {fix}</translation>
    </message>
    <message>
        <source>early stopping: the test loss has not improved for {epochs} epoch (best {best})</source>
        <translation>조기 종료: 테스트 손실이 {epochs}에폭 동안 나아지지 않았습니다 (최저 {best})</translation>
    </message>
    <message>
        <source>early stopping: the test loss has not improved for {epochs} epochs (best {best})</source>
        <translation>조기 종료: 테스트 손실이 {epochs}에폭 동안 나아지지 않았습니다 (최저 {best})</translation>
    </message>
    <message>
        <source>Delete the files and download or copy them again.</source>
        <translation>파일을 지우고 다시 내려받거나 복사하십시오.</translation>
    </message>
    <message>
        <source>{path} does not hold 8-bit images (it holds {dims}-D {dtype}). {fix}</source>
        <translation>{path}에 8비트 이미지가 없습니다 ({dims}차원 {dtype}이 들어 있음). {fix}</translation>
    </message>
    <message>
        <source>{path} does not hold 8-bit labels (it holds {dims}-D {dtype}). {fix}</source>
        <translation>{path}에 8비트 정답이 없습니다 ({dims}차원 {dtype}이 들어 있음). {fix}</translation>
    </message>
    <message>
        <source>{path} holds no images, so it is truncated or damaged. {fix}</source>
        <translation>{path}에 이미지가 없으므로 잘렸거나 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{images_file} and {labels_file} in {folder} disagree: they hold {images:,} images but {labels:,} labels. {fix}</source>
        <translation>{folder}의 {images_file}과 {labels_file}이 서로 맞지 않습니다: 이미지는 {images:,}개인데 정답은 {labels:,}개입니다. {fix}</translation>
    </message>
    <message>
        <source>{path} has no list of class names (&apos;{key}&apos;). {fix}</source>
        <translation>{path}에 클래스 이름 목록(&apos;{key}&apos;)이 없습니다. {fix}</translation>
    </message>
    <message>
        <source>The file is damaged: delete it and download or copy it again.</source>
        <translation>파일이 손상되었습니다: 지우고 다시 내려받거나 복사하십시오.</translation>
    </message>
    <message>
        <source>{path} should hold a table of data and labels but holds {found}. {fix}</source>
        <translation>{path}에는 데이터와 정답의 표가 있어야 하지만 {found}이(가) 있습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} &apos;data&apos; should be N rows of 3,072 bytes (3×32×32 pixels) but holds {found}. {fix}</source>
        <translation>{path} &apos;data&apos;는 3,072바이트(3×32×32 픽셀) 행 N개여야 하지만 {found}이(가) 있습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} holds {images:,} images but {labels:,} labels. {fix}</source>
        <translation>{path}에 이미지는 {images:,}개, 정답은 {labels:,}개 있습니다. {fix}</translation>
    </message>
    <message>
        <source>The image folder {folder} does not exist.</source>
        <translation>이미지 폴더 {folder}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The image folder {folder} has no class subfolders: put each class&apos;s images in a subfolder named after the class.</source>
        <translation>이미지 폴더 {folder}에 클래스 하위 폴더가 없습니다: 각 클래스의 이미지를 클래스 이름의 하위 폴더에 넣으십시오.</translation>
    </message>
    <message>
        <source>The image folder {folder} has {count:,} class subfolders; at most {limit:,} classes are supported.</source>
        <translation>이미지 폴더 {folder}에 클래스 하위 폴더가 {count:,}개 있습니다. 클래스는 최대 {limit:,}개까지 지원합니다.</translation>
    </message>
    <message>
        <source>{names} and {count:,} more</source>
        <translation>{names} 외 {count:,}개</translation>
    </message>
    <message>
        <source>In the image folder {folder}, the class folders {names} hold no images ({suffixes}, …). Add images or remove the folders.</source>
        <translation>이미지 폴더 {folder}의 클래스 폴더 {names}에 이미지({suffixes}, …)가 없습니다. 이미지를 넣거나 폴더를 지우십시오.</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>Pretrained weights for {arch} are not available: they are not in the torch hub cache and downloading them failed ({reason}). Either connect to the internet once, or download {url} elsewhere and save it as {path}; or switch &apos;pretrained&apos; off to start from random weights.</source>
        <translation>{arch}의 사전 학습 가중치를 쓸 수 없습니다: torch hub 캐시에 없고 내려받기도 실패했습니다 ({reason}). 인터넷에 한 번 연결하거나, 다른 곳에서 {url}을(를) 내려받아 {path}(으)로 저장하거나, &apos;pretrained&apos;를 꺼서 무작위 가중치로 시작하십시오.</translation>
    </message>
    <message>
        <source>expected one or more numbers, got {text}</source>
        <translation>숫자가 하나 이상 필요하지만 {text}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>Normalize needs numbers: &apos;auto&apos; is replaced with the dataset&apos;s mean and std by the engine; pass explicit values when using it on its own</source>
        <translation>Normalize에는 숫자가 필요합니다: &apos;auto&apos;는 엔진이 데이터셋의 평균과 표준편차로 바꿉니다. 단독으로 쓸 때는 값을 직접 지정하십시오</translation>
    </message>
    <message>
        <source>Normalize: every std must be positive</source>
        <translation>Normalize: 모든 std는 양수여야 합니다</translation>
    </message>
    <message>
        <source>RandomAffine: scale_min must not exceed scale_max</source>
        <translation>RandomAffine: scale_min은 scale_max보다 클 수 없습니다</translation>
    </message>
</context>
</TS>
