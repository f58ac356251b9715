<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>components</name>
    <message>
        <source>Small ResNet (example plugin)</source>
        <translation>작은 ResNet (예제 플러그인)</translation>
    </message>
    <message>
        <source>A ResNet with three stages of residual blocks, sized for 28x28 and 32x32 images.</source>
        <translation>잔차 블록 3단계로 된 ResNet, 28x28과 32x32 이미지에 맞춘 크기.</translation>
    </message>
    <message>
        <source>Channels of the first stage; the next two have 2x and 4x as many.</source>
        <translation>첫 단계의 채널 수. 다음 두 단계는 2배, 4배입니다.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Residual blocks per stage (each block is two 3x3 convolutions).</source>
        <translation>단계별 잔차 블록 수 (블록마다 3x3 합성곱 2개).</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록 수</translation>
    </message>
    <message>
        <source>Dropout before the classifier (0 switches it off).</source>
        <translation>분류기 앞 드롭아웃 (0이면 끔).</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Cutout (example plugin)</source>
        <translation>Cutout (예제 플러그인)</translation>
    </message>
    <message>
        <source>Blank a random square of each training image (DeVries &amp; Taylor, 2017).</source>
        <translation>각 학습 이미지의 무작위 정사각형 영역을 지웁니다 (DeVries &amp; Taylor, 2017).</translation>
    </message>
    <message>
        <source>Side of the blanked square in pixels.</source>
        <translation>지울 정사각형의 한 변 (픽셀).</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Chance that an image gets a square at all.</source>
        <translation>이미지에 정사각형을 적용할 확률.</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Lion (example plugin)</source>
        <translation>Lion (예제 플러그인)</translation>
    </message>
    <message>
        <source>Sign-of-momentum updates (Chen et al., 2023); use a 3-10x smaller lr than AdamW.</source>
        <translation>모멘텀의 부호로 갱신합니다 (Chen et al., 2023). AdamW보다 3-10배 작은 lr을 쓰십시오.</translation>
    </message>
    <message>
        <source>Interpolation between momentum and gradient for the update.</source>
        <translation>갱신에 쓰는 모멘텀과 변화도 사이의 보간 계수.</translation>
    </message>
    <message>
        <source>Beta1</source>
        <translation>Beta1</translation>
    </message>
    <message>
        <source>Decay of the momentum kept between steps.</source>
        <translation>단계 사이에 유지하는 모멘텀의 감쇠율.</translation>
    </message>
    <message>
        <source>Beta2</source>
        <translation>Beta2</translation>
    </message>
    <message>
        <source>Decoupled weight decay, scaled by the learning rate.</source>
        <translation>학습률로 조정되는 분리형 가중치 감쇠.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Stripes (example plugin)</source>
        <translation>줄무늬 (예제 플러그인)</translation>
    </message>
    <message>
        <source>Synthetic striped 28x28 images, one angle per class; generated in memory, no files.</source>
        <translation>클래스마다 각도가 다른 합성 28x28 줄무늬 이미지. 메모리에서 만들며 파일이 필요 없습니다.</translation>
    </message>
    <message>
        <source>Images per split.</source>
        <translation>분할당 이미지 수.</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Focal loss (example plugin)</source>
        <translation>Focal 손실 (예제 플러그인)</translation>
    </message>
    <message>
        <source>Cross entropy that down-weights samples the model already gets right.</source>
        <translation>모델이 이미 맞히는 샘플의 비중을 낮춘 교차 엔트로피.</translation>
    </message>
    <message>
        <source>Focusing strength (0 = cross entropy).</source>
        <translation>집중 강도 (0 = 교차 엔트로피).</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Linear warm-up (example plugin)</source>
        <translation>선형 워밍업 (예제 플러그인)</translation>
    </message>
    <message>
        <source>Rises linearly to the learning rate, then keeps it.</source>
        <translation>학습률까지 선형으로 올린 뒤 유지합니다.</translation>
    </message>
    <message>
        <source>Epochs to reach the full rate.</source>
        <translation>전체 학습률에 도달하는 에폭 수.</translation>
    </message>
    <message>
        <source>Warmup epochs</source>
        <translation>워밍업 에폭</translation>
    </message>
    <message>
        <source>Stop at a test loss (example plugin)</source>
        <translation>테스트 손실에서 멈춤 (예제 플러그인)</translation>
    </message>
    <message>
        <source>Ends the run once the test loss is at or below a target.</source>
        <translation>테스트 손실이 목표 이하가 되면 실행을 끝냅니다.</translation>
    </message>
    <message>
        <source>The test loss to stop at.</source>
        <translation>멈출 테스트 손실.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Brier score (example plugin)</source>
        <translation>Brier 점수 (예제 플러그인)</translation>
    </message>
    <message>
        <source>How far the predicted probabilities are from the truth (lower is better).</source>
        <translation>예측 확률이 실제와 얼마나 먼지 (낮을수록 좋음).</translation>
    </message>
</context>
<context>
    <name>example</name>
    <message>
        <source>the test loss reached {loss} (target {target})</source>
        <translation>테스트 손실이 {loss}에 도달했습니다 (목표 {target})</translation>
    </message>
</context>
</TS>
